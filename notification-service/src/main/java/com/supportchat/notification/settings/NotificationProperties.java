package com.supportchat.notification.settings;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deployment-wide notification defaults.
 *
 * @param consoleBaseUrl console address for orgs that did not set their own ({@code CONSOLE_BASE_URL})
 * @param transcriptSize how many recent messages per conversation are kept for (and shown in) the email
 */
@Validated
@ConfigurationProperties("supportchat.notification")
public record NotificationProperties(@NotBlank @DefaultValue("http://localhost:8080") String consoleBaseUrl,
        @DefaultValue("10") int transcriptSize) {
}
