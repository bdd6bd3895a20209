package com.supportchat.notification.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param scanInterval how often to look for unanswered handoffs
 * @param batchSize    unanswered handoffs looked at per scan
 */
@Validated
@ConfigurationProperties("supportchat.notification.renotify")
public record RenotifyProperties(@NotNull @DefaultValue("30s") Duration scanInterval,
        @Min(1) @DefaultValue("200") int batchSize) {
}
