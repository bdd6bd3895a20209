package com.supportchat.ai.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.MessageReceived;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Per-conversation AI context and recent messages in this service's database. */
@Repository
class ConversationStore {

    /** Messages kept per conversation; older ones are pruned as new ones arrive. */
    static final int KEPT_MESSAGES = 60;

    private final DatabaseClient db;

    ConversationStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> remember(MessageReceived message) {
        if (message.text() == null || message.text().isBlank() || message.authorType() == null) {
            return Mono.empty();
        }
        return db.sql("""
                INSERT INTO conversation_message (conversation_id, message_id, org_id, seq, author_type, text, created_at)
                VALUES (:conversation, :message, :org, :seq, :author, :text, :createdAt)
                ON CONFLICT DO NOTHING""")
            .bind("conversation", message.conversationId())
            .bind("message", message.messageId())
            .bind("org", message.orgId())
            .bind("seq", message.seq())
            .bind("author", message.authorType().name())
            .bind("text", message.text())
            .bind("createdAt", message.createdAt() == null ? Instant.now() : message.createdAt())
            .then()
            .then(db.sql("""
                    DELETE FROM conversation_message WHERE conversation_id = :conversation AND seq <= :oldest""")
                .bind("conversation", message.conversationId())
                .bind("oldest", message.seq() - KEPT_MESSAGES)
                .then());
    }

    /** The last {@code limit} messages, oldest first. */
    Mono<List<StoredMessage>> recent(String conversationId, int limit) {
        return db.sql("""
                SELECT message_id, seq, author_type, text FROM conversation_message
                WHERE conversation_id = :conversation ORDER BY seq DESC LIMIT :limit""")
            .bind("conversation", conversationId)
            .bind("limit", limit)
            .map(row -> new StoredMessage(row.get("message_id", String.class), row.get("seq", Long.class),
                    AuthorType.valueOf(row.get("author_type", String.class)), row.get("text", String.class)))
            .all()
            .collectList()
            .map(messages -> {
                List<StoredMessage> oldestFirst = new ArrayList<>(messages);
                Collections.reverse(oldestFirst);
                return oldestFirst;
            });
    }

    /** The context, created UNRESOLVED on first sight. */
    Mono<ConversationContext> context(String conversationId, String orgId) {
        return db.sql("""
                INSERT INTO conversation_context (conversation_id, org_id, status, updated_at)
                VALUES (:conversation, :org, 'UNRESOLVED', now()) ON CONFLICT DO NOTHING""")
            .bind("conversation", conversationId)
            .bind("org", orgId)
            .then()
            .then(db.sql("""
                    SELECT conversation_id, org_id, status, consecutive_failures, handoff_requested_at, handoff_declined_at
                    FROM conversation_context WHERE conversation_id = :conversation""")
                .bind("conversation", conversationId)
                .map(ConversationStore::toContext)
                .one());
    }

    /** Records a status change unless a later one is already known (topics are consumed independently). */
    Mono<Void> status(String conversationId, String orgId, ConversationStatus status, Instant at) {
        boolean backToAi = status == ConversationStatus.UNRESOLVED;
        return db.sql("""
                INSERT INTO conversation_context (conversation_id, org_id, status, status_changed_at, updated_at)
                VALUES (:conversation, :org, :status, :at, now())
                ON CONFLICT (conversation_id) DO UPDATE SET status = EXCLUDED.status,
                    status_changed_at = EXCLUDED.status_changed_at, updated_at = now(),
                    consecutive_failures = CASE WHEN :backToAi THEN 0 ELSE conversation_context.consecutive_failures END,
                    handoff_requested_at = CASE WHEN :backToAi THEN NULL ELSE conversation_context.handoff_requested_at END
                WHERE conversation_context.status <> 'RESOLVED'
                  AND (conversation_context.status_changed_at IS NULL OR conversation_context.status_changed_at <= :at)""")
            .bind("conversation", conversationId)
            .bind("org", orgId)
            .bind("status", status.name())
            .bind("at", at == null ? Instant.now() : at)
            .bind("backToAi", backToAi)
            .then();
    }

    Mono<Void> handoffRequested(String conversationId, Instant at) {
        return update("handoff_requested_at = :at", conversationId, at);
    }

    /** A declined handoff: the AI keeps the conversation and starts counting failures afresh. */
    Mono<Void> handoffDeclined(String conversationId, Instant at) {
        return update("handoff_declined_at = :at, consecutive_failures = 0", conversationId, at);
    }

    Mono<Void> failures(String conversationId, int failures) {
        return db.sql("UPDATE conversation_context SET consecutive_failures = :failures, updated_at = now() "
                + "WHERE conversation_id = :conversation")
            .bind("failures", failures)
            .bind("conversation", conversationId)
            .then();
    }

    private Mono<Void> update(String assignments, String conversationId, Instant at) {
        return db.sql("UPDATE conversation_context SET " + assignments + ", updated_at = now() "
                + "WHERE conversation_id = :conversation")
            .bind("at", at)
            .bind("conversation", conversationId)
            .then();
    }

    private static ConversationContext toContext(Readable row) {
        return new ConversationContext(row.get("conversation_id", String.class), row.get("org_id", String.class),
                ConversationStatus.valueOf(row.get("status", String.class)),
                row.get("consecutive_failures", Integer.class), instant(row, "handoff_requested_at"),
                instant(row, "handoff_declined_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
