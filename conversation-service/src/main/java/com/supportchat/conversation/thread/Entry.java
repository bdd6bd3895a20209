package com.supportchat.conversation.thread;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.supportchat.events.AuthorType;

/** One entry of a conversation's thread, at position {@code seq}. */
public record Entry(
        UUID id,
        String orgId,
        UUID conversationId,
        long seq,
        EntryKind kind,
        AuthorType authorType,
        String authorId,
        String authorName,
        String text,
        Map<String, Object> data,
        String clientMessageId,
        Instant createdAt) {

    public Entry {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
