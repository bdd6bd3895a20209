package com.supportchat.notification.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import reactor.core.publisher.Mono;

import com.supportchat.events.MessageReceived;
import com.supportchat.notification.settings.NotificationProperties;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The last {@code transcriptSize} messages of each conversation, learnt from {@code message-received}. */
@Repository
public class ConversationMessages {

    private final DatabaseClient db;
    private final int keep;

    ConversationMessages(DatabaseClient db, NotificationProperties properties) {
        this.db = db;
        this.keep = Math.max(1, properties.transcriptSize());
    }

    public Mono<Void> remember(MessageReceived m) {
        return db.sql("""
                INSERT INTO conversation_message (message_id, conversation_id, org_id, seq, author_type, author_name, text, created_at)
                VALUES (:id, :c, :org, :seq, :type, :name, :text, :at) ON CONFLICT (message_id) DO NOTHING""")
            .bind("id", m.messageId())
            .bind("c", m.conversationId())
            .bind("org", m.orgId())
            .bind("seq", m.seq())
            .bind("type", m.authorType().name())
            .bind("name", m.authorName() == null ? m.authorType().name() : m.authorName())
            .bind("text", m.text() == null ? "" : m.text())
            .bind("at", m.createdAt() == null ? Instant.now() : m.createdAt())
            .then()
            .then(db.sql("""
                    DELETE FROM conversation_message WHERE conversation_id = :c AND seq <= (
                        SELECT seq FROM conversation_message WHERE conversation_id = :c
                        ORDER BY seq DESC OFFSET :keep LIMIT 1)""")
                .bind("c", m.conversationId())
                .bind("keep", keep)
                .then());
    }

    /** The most recent messages, oldest first. */
    public Mono<List<TranscriptLine>> recent(String conversationId, int limit) {
        return db.sql("""
                SELECT seq, author_type, author_name, text, created_at FROM conversation_message
                WHERE conversation_id = :c ORDER BY seq DESC LIMIT :limit""")
            .bind("c", conversationId)
            .bind("limit", limit)
            .map(row -> new TranscriptLine(row.get("seq", Long.class), row.get("author_type", String.class),
                    row.get("author_name", String.class), row.get("text", String.class),
                    row.get("created_at", OffsetDateTime.class).toInstant()))
            .all()
            .collectList()
            .map(lines -> {
                java.util.Collections.reverse(lines);
                return lines;
            });
    }
}
