package com.supportchat.events;

import java.time.Instant;

/**
 * A handed-off conversation waited longer than the org's {@code handbackAfter} with nobody from the team
 * claiming or answering it. conversation-service hands it back to the AI, telling the visitor
 * {@code visitorMessage}, unless an operator has taken it meanwhile.
 */
public record HandoffTimedOut(
        String handoffId,
        String conversationId,
        String orgId,
        Instant decidedAt,
        long waitedSeconds,
        String visitorMessage,
        Instant occurredAt) implements HandoffEvent {

    public static final String TYPE = "com.supportchat.handoff.timed-out.v1";

    @Override
    public String topic() {
        return Topics.HANDOFF_TIMED_OUT;
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
