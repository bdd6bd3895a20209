package com.supportchat.handoff.record;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The unanswered-handoff scan.
 *
 * @param scanInterval how often waiting handoffs are checked against the org's renotifyAfter/handbackAfter
 * @param batchSize    handoffs looked at per scan
 */
@Validated
@ConfigurationProperties("supportchat.handoff.timeouts")
public record TimeoutProperties(@NotNull @DefaultValue("30s") Duration scanInterval,
        @Min(1) @DefaultValue("500") int batchSize) {
}
