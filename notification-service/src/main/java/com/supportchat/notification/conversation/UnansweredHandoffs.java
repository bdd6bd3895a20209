package com.supportchat.notification.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Accepted handoffs whose visitor is still waiting: opened by {@code handoff-decided}, closed by a claim, the
 * first operator message or the conversation's resolution.
 */
@Repository
public class UnansweredHandoffs {

    /** One waiting handoff. */
    public record Unanswered(String conversationId, String orgId, String trigger, String summary, Instant decidedAt,
            Instant lastNotifiedAt, int renotifyCount) {
    }

    private final DatabaseClient db;

    UnansweredHandoffs(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> open(String conversationId, String orgId, String trigger, String summary, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO unanswered_handoff (conversation_id, org_id, trigger, summary, decided_at, last_notified_at, renotify_count)
                VALUES (:c, :org, :trigger, :summary, :at, :at, 0)
                ON CONFLICT (conversation_id) DO UPDATE SET org_id = EXCLUDED.org_id, trigger = EXCLUDED.trigger,
                    summary = EXCLUDED.summary, decided_at = EXCLUDED.decided_at,
                    last_notified_at = EXCLUDED.last_notified_at, renotify_count = 0""")
            .bind("c", conversationId)
            .bind("org", orgId)
            .bind("at", at);
        spec = trigger == null ? spec.bindNull("trigger", String.class) : spec.bind("trigger", trigger);
        spec = summary == null ? spec.bindNull("summary", String.class) : spec.bind("summary", summary);
        return spec.then();
    }

    public Mono<Void> close(String conversationId) {
        return db.sql("DELETE FROM unanswered_handoff WHERE conversation_id = :c").bind("c", conversationId).then();
    }

    /** Waiting handoffs last notified at or before {@code notifiedBefore}, oldest first. */
    public Flux<Unanswered> notifiedBefore(Instant notifiedBefore, int limit) {
        return db.sql("""
                SELECT conversation_id, org_id, trigger, summary, decided_at, last_notified_at, renotify_count
                FROM unanswered_handoff WHERE last_notified_at <= :before ORDER BY last_notified_at LIMIT :limit""")
            .bind("before", notifiedBefore)
            .bind("limit", limit)
            .map(row -> new Unanswered(row.get("conversation_id", String.class), row.get("org_id", String.class),
                    row.get("trigger", String.class), row.get("summary", String.class),
                    row.get("decided_at", OffsetDateTime.class).toInstant(),
                    row.get("last_notified_at", OffsetDateTime.class).toInstant(),
                    row.get("renotify_count", Integer.class)))
            .all();
    }

    /** Records a re-notification; false when another instance got there first. */
    public Mono<Boolean> markRenotified(Unanswered handoff, Instant at) {
        return db.sql("""
                UPDATE unanswered_handoff SET last_notified_at = :at, renotify_count = renotify_count + 1
                WHERE conversation_id = :c AND renotify_count = :count""")
            .bind("at", at)
            .bind("c", handoff.conversationId())
            .bind("count", handoff.renotifyCount())
            .fetch()
            .rowsUpdated()
            .map(n -> n > 0);
    }
}
