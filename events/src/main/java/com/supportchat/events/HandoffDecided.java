package com.supportchat.events;

import java.time.Instant;

/**
 * handoff-service's decision on a request. Accepted: the conversation goes ESCALATED and
 * {@code visitorMessage} ("Connecting you with a team member - one moment please.") is posted. Declined:
 * the AI keeps the conversation and {@code visitorMessage}, when set, tells the visitor why.
 */
public record HandoffDecided(
        String requestId,
        String conversationId,
        String orgId,
        HandoffTrigger trigger,
        boolean accepted,
        String reason,
        String summary,
        String visitorMessage,
        Instant decidedAt) implements HandoffEvent {

    public static final String TYPE = "com.supportchat.handoff.decided.v1";

    @Override
    public String topic() {
        return Topics.HANDOFF_DECIDED;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return conversationId;
    }
}
