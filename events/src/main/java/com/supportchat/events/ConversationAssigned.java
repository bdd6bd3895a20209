package com.supportchat.events;

import java.time.Instant;

/** An operator claimed a conversation ({@code operatorId} set) or released it to the AI (null). */
public record ConversationAssigned(
        String conversationId,
        String orgId,
        long seq,
        String operatorId,
        String operatorName,
        Instant occurredAt) implements ConversationEvent {

    public static final String TYPE = "com.supportchat.conversation.assigned.v1";

    @Override
    public String topic() {
        return Topics.CONVERSATION_ASSIGNED;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
