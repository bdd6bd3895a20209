package com.supportchat.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/** The {@code notification_delivery} table: the plan, the claim and the log. */
@Repository
class Deliveries {

    private static final String COLUMNS = """
            id, org_id, conversation_id, event_id, kind, channel, recipient, trigger, summary, status, reason, attempts,
            created_at, last_attempt_at, completed_at""";

    private final DatabaseClient db;

    Deliveries(DatabaseClient db) {
        this.db = db;
    }

    /** Plans a delivery; emits false when this (event, recipient, channel) was planned before. */
    Mono<Boolean> plan(Delivery d) {
        GenericExecuteSpec spec = db.sql("""
                INSERT INTO notification_delivery (id, org_id, conversation_id, event_id, kind, channel, recipient,
                    trigger, summary, status, reason, attempts, created_at, completed_at)
                VALUES (:id, :org, :c, :event, :kind, :channel, :recipient, :trigger, :summary, :status, :reason, 0, :at,
                    :completed)
                ON CONFLICT ON CONSTRAINT notification_delivery_once DO NOTHING""")
            .bind("id", d.id())
            .bind("org", d.orgId())
            .bind("c", d.conversationId())
            .bind("event", d.eventId())
            .bind("kind", d.kind().name())
            .bind("channel", d.channel().name())
            .bind("recipient", d.recipient())
            .bind("status", d.status().name())
            .bind("at", d.createdAt());
        spec = d.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", d.reason());
        spec = d.completedAt() == null ? spec.bindNull("completed", Instant.class) : spec.bind("completed", d.completedAt());
        spec = d.trigger() == null ? spec.bindNull("trigger", String.class) : spec.bind("trigger", d.trigger());
        spec = d.summary() == null ? spec.bindNull("summary", String.class) : spec.bind("summary", d.summary());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * Serialises the budget checks of one org until the caller's transaction ends, so that two consumers planning
     * for the same org at once cannot both take the last alert of its budget.
     */
    Mono<Void> lockBudget(String orgId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended('notification-budget:' || :org, 0))")
            .bind("org", orgId)
            .fetch()
            .rowsUpdated()
            .then();
    }

    /** Alerts planned for the org on the channel since {@code since} that count against its budget (not SKIPPED). */
    Mono<Long> countSince(String orgId, Channel channel, Instant since) {
        return db.sql("""
                SELECT count(*) AS n FROM notification_delivery
                WHERE org_id = :org AND channel = :channel AND created_at > :since AND status <> 'SKIPPED'""")
            .bind("org", orgId)
            .bind("channel", channel.name())
            .bind("since", since)
            .map(row -> row.get("n", Long.class))
            .one();
    }

    /** Whether an alert of this kind was planned for the conversation since {@code since}. */
    Mono<Boolean> plannedSince(String conversationId, DeliveryKind kind, Instant since) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM notification_delivery
                WHERE conversation_id = :c AND kind = :kind AND created_at > :since) AS planned""")
            .bind("c", conversationId)
            .bind("kind", kind.name())
            .bind("since", since)
            .map(row -> Boolean.TRUE.equals(row.get("planned", Boolean.class)))
            .one();
    }

    /**
     * Takes up to {@code limit} pending deliveries for this instance (others skip the locked rows) and marks them
     * SENDING, so each is attempted by exactly one sender.
     */
    Flux<Delivery> claim(int limit, Instant now) {
        return db.sql("UPDATE notification_delivery SET status = 'SENDING', last_attempt_at = :now WHERE id IN ("
                + "SELECT id FROM notification_delivery WHERE status = 'PENDING' ORDER BY created_at LIMIT :limit "
                + "FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
            .bind("now", now)
            .bind("limit", limit)
            .map(Deliveries::toDelivery)
            .all();
    }

    Mono<Void> complete(UUID id, Outcome outcome, Instant at) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE notification_delivery SET status = :status, reason = :reason, attempts = attempts + :attempts,
                    completed_at = :at WHERE id = :id AND status = 'SENDING'""")
            .bind("id", id)
            .bind("status", outcome.status().name())
            .bind("attempts", outcome.attempts())
            .bind("at", at);
        spec = outcome.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", outcome.reason());
        return spec.then();
    }

    /**
     * A delivery left SENDING by a crashed sender may or may not have gone out; it is marked FAILED rather than
     * sent again, so nobody gets it twice.
     */
    Mono<Long> failAbandoned(Instant now, Duration after) {
        return db.sql("""
                UPDATE notification_delivery SET status = 'FAILED', completed_at = :now,
                    reason = 'interrupted while sending; not retried so nobody gets it twice'
                WHERE status = 'SENDING' AND last_attempt_at < :before""")
            .bind("now", now)
            .bind("before", now.minus(after))
            .fetch()
            .rowsUpdated();
    }

    Flux<Delivery> list(String orgId, DeliveryStatus status, int limit) {
        GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE org_id = :org"
                + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC LIMIT :limit")
            .bind("org", orgId)
            .bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(Deliveries::toDelivery).all();
    }

    private static Delivery toDelivery(Readable row) {
        return new Delivery(row.get("id", UUID.class), row.get("org_id", String.class),
                row.get("conversation_id", String.class), row.get("event_id", String.class),
                DeliveryKind.valueOf(row.get("kind", String.class)), Channel.valueOf(row.get("channel", String.class)),
                row.get("recipient", String.class), row.get("trigger", String.class), row.get("summary", String.class),
                DeliveryStatus.valueOf(row.get("status", String.class)), row.get("reason", String.class),
                row.get("attempts", Integer.class), instant(row, "created_at"), instant(row, "last_attempt_at"),
                instant(row, "completed_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
