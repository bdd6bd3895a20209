package com.supportchat.events;

import java.time.Instant;

/**
 * A request to hand a conversation to a human. {@code source} says who asked: {@code ai} (trigger
 * detection or the model) or {@code visitor} (the widget's button). {@code summary} says what the visitor
 * needs and what the AI tried. {@code language} (ISO 639-1, e.g. {@code de}; null when unknown) is the language the
 * visitor writes in, so the texts they get about the handoff are written in it.
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
        Instant requestedAt,
        String language) implements HandoffEvent {

    public static final String TYPE = "com.supportchat.handoff.requested.v1";

    /** A request whose visitor's language is not known. */
    public HandoffRequested(String requestId, String conversationId, String orgId, HandoffTrigger trigger, String reason,
            String summary, String triggeringMessageId, String source, Instant requestedAt) {
        this(requestId, conversationId, orgId, trigger, reason, summary, triggeringMessageId, source, requestedAt, null);
    }

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
