package com.supportchat.handoff.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffTrigger;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/** The {@code handoff_record} table. */
@Repository
class HandoffRecords {

    private static final String COLUMNS = """
            id, request_id, org_id, conversation_id, trigger, source, summary, status, reason, visitor_message,
            outside_office_hours, team_back_at, operator_id, operator_name, requested_at, decided_at, claimed_at,
            first_human_reply_at, released_at, resolved_at, overdue_at, handback_due_at""";

    private final DatabaseClient db;

    HandoffRecords(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(HandoffRecord r) {
        GenericExecuteSpec spec = db.sql("INSERT INTO handoff_record (" + COLUMNS + ") VALUES (:id, :requestId, :orgId, "
                + ":conversationId, :trigger, :source, :summary, :status, :reason, :visitorMessage, :outside, :teamBackAt, "
                + ":operatorId, :operatorName, :requestedAt, :decidedAt, :claimedAt, :firstHumanReplyAt, :releasedAt, "
                + ":resolvedAt, :overdueAt, :handbackDueAt)");
        return bindAll(spec, r).then();
    }

    Mono<Void> update(HandoffRecord r) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE handoff_record SET status = :status, operator_id = :operatorId, operator_name = :operatorName,
                    claimed_at = :claimedAt, first_human_reply_at = :firstHumanReplyAt, released_at = :releasedAt,
                    resolved_at = :resolvedAt, overdue_at = :overdueAt, handback_due_at = :handbackDueAt
                WHERE id = :id""");
        spec = spec.bind("id", r.id()).bind("status", r.status().name());
        spec = nullable(spec, "operatorId", r.operatorId(), String.class);
        spec = nullable(spec, "operatorName", r.operatorName(), String.class);
        spec = nullable(spec, "claimedAt", r.claimedAt(), Instant.class);
        spec = nullable(spec, "firstHumanReplyAt", r.firstHumanReplyAt(), Instant.class);
        spec = nullable(spec, "releasedAt", r.releasedAt(), Instant.class);
        spec = nullable(spec, "resolvedAt", r.resolvedAt(), Instant.class);
        spec = nullable(spec, "overdueAt", r.overdueAt(), Instant.class);
        spec = nullable(spec, "handbackDueAt", r.handbackDueAt(), Instant.class);
        return spec.then();
    }

    /** The conversation's open handoff (WAITING or CLAIMED), locked for the caller's transaction. */
    Mono<HandoffRecord> findOpen(String conversationId) {
        return db.sql("SELECT " + COLUMNS + " FROM handoff_record WHERE conversation_id = :c "
                + "AND status IN ('WAITING', 'CLAIMED') FOR UPDATE")
            .bind("c", conversationId)
            .map(HandoffRecords::toRecord)
            .one();
    }

    Mono<Boolean> exists(String requestId) {
        return db.sql("SELECT 1 FROM handoff_record WHERE request_id = :r").bind("r", requestId)
            .map(row -> true).one().defaultIfEmpty(false);
    }

    Mono<Integer> countDeclined(String conversationId) {
        return db.sql("SELECT count(*) AS n FROM handoff_record WHERE conversation_id = :c AND status = 'DECLINED'")
            .bind("c", conversationId)
            .map(row -> row.get("n", Long.class).intValue())
            .one();
    }

    Flux<HandoffRecord> list(String orgId, HandoffStatus status, int limit) {
        String where = status == null ? "" : " AND status = :status";
        GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM handoff_record WHERE org_id = :org" + where
                + " ORDER BY requested_at DESC LIMIT :limit")
            .bind("org", orgId)
            .bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(HandoffRecords::toRecord).all();
    }

    /** Waiting handoffs nobody has answered yet, oldest first, not yet flagged both ways. */
    Flux<HandoffRecord> awaitingHuman(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM handoff_record WHERE status = 'WAITING' AND first_human_reply_at IS NULL "
                + "AND (overdue_at IS NULL OR handback_due_at IS NULL) ORDER BY decided_at LIMIT :limit")
            .bind("limit", limit)
            .map(HandoffRecords::toRecord)
            .all();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, HandoffRecord r) {
        spec = spec.bind("id", r.id())
            .bind("requestId", r.requestId())
            .bind("orgId", r.orgId())
            .bind("conversationId", r.conversationId())
            .bind("trigger", r.trigger().name())
            .bind("status", r.status().name())
            .bind("reason", r.reason())
            .bind("outside", r.outsideOfficeHours())
            .bind("requestedAt", r.requestedAt())
            .bind("decidedAt", r.decidedAt());
        spec = nullable(spec, "source", r.source(), String.class);
        spec = nullable(spec, "summary", r.summary(), String.class);
        spec = nullable(spec, "visitorMessage", r.visitorMessage(), String.class);
        spec = nullable(spec, "teamBackAt", r.teamBackAt(), Instant.class);
        spec = nullable(spec, "operatorId", r.operatorId(), String.class);
        spec = nullable(spec, "operatorName", r.operatorName(), String.class);
        spec = nullable(spec, "claimedAt", r.claimedAt(), Instant.class);
        spec = nullable(spec, "firstHumanReplyAt", r.firstHumanReplyAt(), Instant.class);
        spec = nullable(spec, "releasedAt", r.releasedAt(), Instant.class);
        spec = nullable(spec, "resolvedAt", r.resolvedAt(), Instant.class);
        spec = nullable(spec, "overdueAt", r.overdueAt(), Instant.class);
        spec = nullable(spec, "handbackDueAt", r.handbackDueAt(), Instant.class);
        return spec;
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static HandoffRecord toRecord(Readable row) {
        return new HandoffRecord(row.get("id", UUID.class), row.get("request_id", String.class),
                row.get("org_id", String.class), row.get("conversation_id", String.class),
                HandoffTrigger.valueOf(row.get("trigger", String.class)), row.get("source", String.class),
                row.get("summary", String.class), HandoffStatus.valueOf(row.get("status", String.class)),
                row.get("reason", String.class), row.get("visitor_message", String.class),
                Boolean.TRUE.equals(row.get("outside_office_hours", Boolean.class)), instant(row, "team_back_at"),
                row.get("operator_id", String.class), row.get("operator_name", String.class),
                instant(row, "requested_at"), instant(row, "decided_at"), instant(row, "claimed_at"),
                instant(row, "first_human_reply_at"), instant(row, "released_at"), instant(row, "resolved_at"),
                instant(row, "overdue_at"), instant(row, "handback_due_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
