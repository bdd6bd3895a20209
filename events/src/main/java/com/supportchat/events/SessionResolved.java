package com.supportchat.events;

import java.time.Instant;

/** A conversation was closed, by the visitor, an operator or the AI on the visitor's confirmation. */
public record SessionResolved(
        String conversationId,
        String orgId,
        AuthorType resolvedBy,
        String actorId,
        Instant resolvedAt) implements ConversationEvent {

    public static final String TYPE = "com.supportchat.conversation.session-resolved.v1";

    @Override
    public String topic() {
        return Topics.SESSION_RESOLVED;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
