package com.supportchat.events;

import java.time.Instant;
import java.util.Map;

/**
 * A text message was appended to a conversation. {@code seq} is its position in the conversation;
 * {@code conversationStatus} is the status at the moment of appending (the AI answers only UNRESOLVED).
 * {@code data} is the entry's structured data as the thread shows it (an AI answer's {@code responder},
 * {@code sources} and {@code inReplyTo}, ...; empty for most messages), so live streams need no database read;
 * null from producers older than the field.
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
        Instant createdAt,
        Map<String, Object> data) implements ConversationEvent {

    /** Without structured data (an empty map). */
    public MessageReceived(String messageId, String conversationId, String orgId, long seq, AuthorType authorType,
            String authorId, String authorName, String text, String clientMessageId,
            ConversationStatus conversationStatus, Instant createdAt) {
        this(messageId, conversationId, orgId, seq, authorType, authorId, authorName, text, clientMessageId,
                conversationStatus, createdAt, Map.of());
    }

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
