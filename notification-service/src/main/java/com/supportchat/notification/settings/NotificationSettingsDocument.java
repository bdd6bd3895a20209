package com.supportchat.notification.settings;

import java.time.Instant;
import java.util.List;

/** The JSON shape of notification settings (PUT body, stored form and GET answer with {@code updatedAt}). */
public record NotificationSettingsDocument(
        List<String> emailRecipients,
        List<String> smsNumbers,
        EventsDocument events,
        String consoleBaseUrl,
        EscalationDocument escalation,
        Instant updatedAt) {

    public record EventsDocument(Boolean handoff, Boolean escalatedMessage) {
    }

    public record EscalationDocument(String renotifyAfter, Integer maxRenotifications, Boolean smsOnlyWhenUnanswered) {
    }

    public static NotificationSettingsDocument of(NotificationSettings s, Instant updatedAt) {
        return new NotificationSettingsDocument(s.emailRecipients(), s.smsNumbers(),
                new EventsDocument(s.events().handoff(), s.events().escalatedMessage()), s.consoleBaseUrl(),
                new EscalationDocument(s.escalation().renotifyAfter().toString(), s.escalation().maxRenotifications(),
                        s.escalation().smsOnlyWhenUnanswered()),
                updatedAt);
    }
}
