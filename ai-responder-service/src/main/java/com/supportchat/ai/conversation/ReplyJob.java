package com.supportchat.ai.conversation;

import java.time.Instant;
import java.util.UUID;

import com.supportchat.events.MessageReceived;

/** A visitor message waiting for the AI's reaction, held by {@code claim} (one attempt of one worker). */
record ReplyJob(MessageReceived message, Instant receivedAt, UUID claim, int attempts) {

    String conversationId() {
        return message.conversationId();
    }
}
