package com.supportchat.messaging;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Messaging settings of one service.
 *
 * @param source             CloudEvents {@code source} of what this service publishes, e.g. {@code /conversation-service}
 * @param partitions         partitions of each topic this service creates when missing
 * @param replicationFactor  replication of topics this service creates when missing
 * @param relayPollInterval  how often the relay looks for unpublished rows when no notification arrives
 * @param relayBatchSize     rows published per relay transaction
 * @param consumerAttempts   attempts at handling an event the handler refuses before it goes to the dead-letter
 *                           topic (a poison event goes at once, an infrastructure failure is retried without limit)
 * @param consumerBackoff    first back-off between attempts (doubles each time)
 * @param consumerMaxBackoff longest back-off between attempts while the infrastructure is down
 * @param deadLetterDepthEvery how often the depth of the dead-letter topics is measured
 * @param publishedRetention how long published outbox rows are kept for inspection
 * @param processedRetention how long idempotent-consumer records ({@code processed_event}) are kept
 * @param pruneEvery         how often records older than that are forgotten
 */
@Validated
@ConfigurationProperties("supportchat.messaging")
public record MessagingProperties(
        @NotNull @DefaultValue("/supportchat") String source,
        @Min(1) @DefaultValue("3") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor,
        @NotNull @DefaultValue("1s") Duration relayPollInterval,
        @Min(1) @DefaultValue("200") int relayBatchSize,
        @Min(1) @DefaultValue("4") int consumerAttempts,
        @NotNull @DefaultValue("200ms") Duration consumerBackoff,
        @NotNull @DefaultValue("30s") Duration consumerMaxBackoff,
        @NotNull @DefaultValue("1m") Duration deadLetterDepthEvery,
        @NotNull @DefaultValue("1d") Duration publishedRetention,
        @NotNull @DefaultValue("7d") Duration processedRetention,
        @NotNull @DefaultValue("10m") Duration pruneEvery) {
}
