package com.supportchat.handoff.policy;

import java.time.ZonedDateTime;

/**
 * The outcome of {@link HandoffPolicy#decide}.
 *
 * @param visitorMessage what the visitor is told; null when the AI simply carries on without comment
 * @param teamBackAt     when the team is next available, set when the request came outside office hours
 */
public record HandoffDecision(boolean accepted, DecisionReason reason, String visitorMessage,
        ZonedDateTime teamBackAt) {

    static HandoffDecision accept(DecisionReason reason, String visitorMessage) {
        return new HandoffDecision(true, reason, visitorMessage, null);
    }

    static HandoffDecision decline(DecisionReason reason, String visitorMessage) {
        return new HandoffDecision(false, reason, visitorMessage, null);
    }

    public boolean outsideOfficeHours() {
        return teamBackAt != null;
    }
}
