package com.supportchat.ai.conversation;

import java.time.Instant;
import java.util.UUID;

import com.supportchat.events.MessageReceived;

/**
 * A visitor message waiting for the AI's reaction, held by {@code claim} (one attempt of one worker). {@code message}
 * is null when the stored event cannot be read any more; the ids come from the row's own columns.
 */
record ReplyJob(String messageId, String conversationId, String orgId, MessageReceived message, Instant receivedAt,
        UUID claim, int attempts) {

    static ReplyJob of(MessageReceived message, Instant receivedAt, UUID claim, int attempts) {
        return new ReplyJob(message.messageId(), message.conversationId(), message.orgId(), message, receivedAt, claim,
                attempts);
    }
}
