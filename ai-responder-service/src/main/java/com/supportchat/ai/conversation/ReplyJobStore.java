package com.supportchat.ai.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.MessageReceived;
import com.supportchat.messaging.AfterCommit;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code reply_job} table: visitor messages waiting for a model's answer. A job is handed to the worker
 * ({@link #enqueued()}) only once the transaction that wrote it has committed; jobs whose claim ran out are
 * claimed again by {@link #claimOverdue}.
 */
@Repository
class ReplyJobStore {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final ReplyJobProperties properties;
    private final Sinks.Many<ReplyJob> enqueued = Sinks.many().unicast().onBackpressureBuffer();

    ReplyJobStore(DatabaseClient db, JsonMapper json, ReplyJobProperties properties) {
        this.db = db;
        this.json = json;
        this.properties = properties;
    }

    /**
     * Writes the job, claimed by this instance, in the caller's transaction; after the commit it is handed to the
     * worker. A message already waiting (a redelivery) is not written again.
     */
    Mono<Void> enqueue(MessageReceived message, Instant receivedAt) {
        ReplyJob job = ReplyJob.of(message, receivedAt, UUID.randomUUID(), 1);
        return Mono.fromCallable(() -> json.writeValueAsString(message))
            .flatMap(payload -> db.sql("""
                    INSERT INTO reply_job (message_id, conversation_id, org_id, message, received_at, claim, claimed_until)
                    VALUES (:message, :conversation, :org, :payload, :receivedAt, :claim,
                            now() + make_interval(secs => :claimSeconds))
                    ON CONFLICT (message_id) DO NOTHING""")
                .bind("message", message.messageId())
                .bind("conversation", message.conversationId())
                .bind("org", message.orgId())
                .bind("payload", payload)
                .bind("receivedAt", receivedAt)
                .bind("claim", job.claim())
                .bind("claimSeconds", seconds(properties.claim()))
                .fetch()
                .rowsUpdated())
            .flatMap(written -> written == 0 ? Mono.empty() : AfterCommit.run(() -> hand(job)));
    }

    /** Jobs written by this instance, in commit order; one subscriber (the worker). */
    Flux<ReplyJob> enqueued() {
        return enqueued.asFlux();
    }

    /**
     * Ends the job if {@code job}'s claim still holds it: true, and the caller's transaction publishes the
     * reaction; false when another attempt has taken it over (that one answers).
     */
    Mono<Boolean> complete(ReplyJob job) {
        return db.sql("DELETE FROM reply_job WHERE message_id = :message AND claim = :claim")
            .bind("message", job.messageId())
            .bind("claim", job.claim())
            .fetch()
            .rowsUpdated()
            .map(deleted -> deleted == 1);
    }

    /** After a failed attempt: the job becomes due again after {@code delay}. */
    Mono<Void> retryLater(ReplyJob job, Duration delay) {
        return db.sql("""
                UPDATE reply_job SET claimed_until = now() + make_interval(secs => :delaySeconds)
                WHERE message_id = :message AND claim = :claim""")
            .bind("delaySeconds", seconds(delay))
            .bind("message", job.messageId())
            .bind("claim", job.claim())
            .then();
    }

    /**
     * Ends the job as dead if {@code job}'s claim still holds it: true, and the caller's transaction answers the visitor
     * instead; the row stays, with its reason, and is never claimed again.
     */
    Mono<Boolean> die(ReplyJob job, String reason) {
        return db.sql("""
                UPDATE reply_job SET dead_at = now(), last_error = :reason
                WHERE message_id = :message AND claim = :claim AND dead_at IS NULL""")
            .bind("reason", reason)
            .bind("message", job.messageId())
            .bind("claim", job.claim())
            .fetch()
            .rowsUpdated()
            .map(updated -> updated == 1);
    }

    /**
     * Claims up to {@code limit} live jobs whose claim ran out, oldest first; other instances skip the rows taken here.
     * A row whose event cannot be read is still claimed (with a null message), so that its attempts count towards its
     * death instead of failing every sweep.
     */
    Flux<ReplyJob> claimOverdue(int limit) {
        return db.sql("""
                UPDATE reply_job j SET claim = gen_random_uuid(), attempts = j.attempts + 1,
                    claimed_until = now() + make_interval(secs => :claimSeconds)
                FROM (SELECT message_id FROM reply_job WHERE claimed_until < now() AND dead_at IS NULL
                      ORDER BY claimed_until LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE j.message_id = due.message_id
                RETURNING j.message_id, j.conversation_id, j.org_id, j.message, j.received_at, j.claim, j.attempts""")
            .bind("claimSeconds", seconds(properties.claim()))
            .bind("limit", limit)
            .map(row -> new ReplyJob(row.get("message_id", String.class), row.get("conversation_id", String.class),
                    row.get("org_id", String.class), readable(row.get("message", String.class)),
                    row.get("received_at", OffsetDateTime.class).toInstant(), row.get("claim", UUID.class),
                    row.get("attempts", Integer.class)))
            .all();
    }

    private MessageReceived readable(String payload) {
        try {
            return json.readValue(payload, MessageReceived.class);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private synchronized void hand(ReplyJob job) {
        // one emitter at a time: commits complete on many threads. Refused only once the worker has stopped
        // (shutdown): the row stays, and the next instance to sweep takes it up when its claim runs out.
        enqueued.tryEmitNext(job);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
