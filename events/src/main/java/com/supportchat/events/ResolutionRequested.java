package com.supportchat.events;

import java.time.Instant;

/** The visitor confirmed the issue is addressed ("thanks, that helps!"); the AI asks to resolve. */
public record ResolutionRequested(
        String conversationId,
        String orgId,
        String inReplyToMessageId,
        String reason,
        Instant requestedAt) implements ResponderEvent {

    public static final String TYPE = "com.supportchat.ai.resolution-requested.v1";

    @Override
    public String topic() {
        return Topics.RESOLUTION_REQUESTED;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
