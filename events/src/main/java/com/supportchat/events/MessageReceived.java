package com.supportchat.events;

import java.time.Instant;

/**
 * A text message was appended to a conversation. {@code seq} is its position in the conversation;
 * {@code conversationStatus} is the status at the moment of appending (the AI answers only UNRESOLVED).
 */
public record MessageReceived(
        String messageId,
        String conversationId,
        String orgId,
        long seq,
        AuthorType authorType,
        String authorId,
        String authorName,
        String text,
        String clientMessageId,
        ConversationStatus conversationStatus,
        Instant createdAt) implements ConversationEvent {

    public static final String TYPE = "com.supportchat.conversation.message-received.v1";

    @Override
    public String topic() {
        return Topics.MESSAGE_RECEIVED;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
