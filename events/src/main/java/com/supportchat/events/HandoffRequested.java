package com.supportchat.events;

import java.time.Instant;

/**
 * A request to hand a conversation to a human. {@code source} says who asked: {@code ai} (trigger
 * detection or the model) or {@code visitor} (the widget's button). {@code summary} says what the visitor
 * needs and what the AI tried.
 */
public record HandoffRequested(
        String requestId,
        String conversationId,
        String orgId,
        HandoffTrigger trigger,
        String reason,
        String summary,
        String triggeringMessageId,
        String source,
        Instant requestedAt) implements HandoffEvent {

    public static final String TYPE = "com.supportchat.handoff.requested.v1";

    @Override
    public String topic() {
        return Topics.HANDOFF_REQUESTED;
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
