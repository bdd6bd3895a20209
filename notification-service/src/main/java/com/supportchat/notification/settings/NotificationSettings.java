package com.supportchat.notification.settings;

import java.time.Duration;
import java.util.List;

/**
 * One org's notification preferences, validated.
 *
 * @param consoleBaseUrl where links in notifications point: {@code {consoleBaseUrl}/console/#/conversations/{id}}
 */
public record NotificationSettings(
        List<String> emailRecipients,
        List<String> smsNumbers,
        Events events,
        String consoleBaseUrl,
        Escalation escalation) {

    public NotificationSettings {
        emailRecipients = List.copyOf(emailRecipients);
        smsNumbers = List.copyOf(smsNumbers);
    }

    public static NotificationSettings defaults(String consoleBaseUrl) {
        return new NotificationSettings(List.of(), List.of(), new Events(true, false), consoleBaseUrl,
                new Escalation(Duration.ofMinutes(5), 2, false));
    }

    public String conversationLink(String conversationId) {
        return consoleBaseUrl + "/console/#/conversations/" + conversationId;
    }

    /**
     * @param handoff          notify on every accepted handoff
     * @param escalatedMessage notify (email) on each visitor message in an escalated conversation
     */
    public record Events(boolean handoff, boolean escalatedMessage) {
    }

    /**
     * Re-notification of handoffs nobody answered.
     *
     * @param renotifyAfter         how long after the last notification to notify again
     * @param maxRenotifications    how many times at most (0: never)
     * @param smsOnlyWhenUnanswered the first notification goes by email only; SMS joins on re-notification
     */
    public record Escalation(Duration renotifyAfter, int maxRenotifications, boolean smsOnlyWhenUnanswered) {
    }
}
