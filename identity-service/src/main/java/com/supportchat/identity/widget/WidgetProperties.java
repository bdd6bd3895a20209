package com.supportchat.identity.widget;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Widget settings.
 *
 * @param defaultOperatorLabel how the widget names human operators when the org sets no label
 * @param visitorIdleExpiry a visitor token unused for longer has expired and opens nothing: the browser
 *        becomes a new anonymous visitor ({@code VISITOR_IDLE_EXPIRY}, default 30 days)
 * @param newSessionsPerHour new visitors an org may get per hour ({@link SessionBudget}; {@code NEW_SESSIONS_PER_ORG_PER_HOUR})
 */
@Validated
@ConfigurationProperties("supportchat.identity.widget")
public record WidgetProperties(@NotBlank @DefaultValue("Support Agent") String defaultOperatorLabel,
        @NotNull @DefaultValue("30d") Duration visitorIdleExpiry,
        @jakarta.validation.constraints.Positive @DefaultValue("5000") int newSessionsPerHour) {
}
