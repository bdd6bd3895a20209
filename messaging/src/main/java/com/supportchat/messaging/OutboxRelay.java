package com.supportchat.messaging;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Wrapped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Publishes outbox rows to Kafka in the order they were written. Woken by PostgreSQL {@code LISTEN outbox}
 * as soon as a writer's transaction commits, and by a slow poll in case a notification was missed (relay
 * restarting, connection lost). One relay at a time publishes, across all instances of the service, by a
 * transaction-scoped advisory lock: that keeps one conversation's events in order on its partition.
 * A row is marked published only after Kafka acknowledged it (acks=all, idempotent producer), so a crash
 * between the two publishes it again: consumers are idempotent by event id.
 *
 * <p>After a batch is sent, its rows are settled in position order: acknowledged rows are marked published, a row
 * Kafka refuses for good ({@link Failures#kafkaRefusesRecord}: too large, invalid topic, ...) is <em>parked</em>
 * ({@code parked_at}, reason in {@code last_error}, metric {@code supportchat.outbox.parked}, an ERROR log) and never
 * sent again by the relay, and the first transient failure (broker away, time-out) stops the batch: that row and
 * every row after it stay, acknowledged or not, and are sent again in order on the next run. So one poison row
 * cannot stall a service's outbox, and a row is never marked published ahead of an earlier row of its key that may
 * still be re-sent. A parked row is out of order once re-sent by an operator (docs/operations.md).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by all relays of one database: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final ConnectionFactory connectionFactory;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MessagingProperties properties;
    private final String source;
    private final Sinks.Many<Boolean> wake = Sinks.many().multicast().directBestEffort();
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final AtomicLong parkedRows = new AtomicLong();
    private final Timer lag;
    private final Disposable.Composite running = Disposables.composite();
    private volatile boolean started;

    public OutboxRelay(ConnectionFactory connectionFactory, DatabaseClient db, TransactionalOperator tx,
            KafkaTemplate<String, byte[]> kafka, MessagingProperties properties, MeterRegistry meters) {
        this.connectionFactory = connectionFactory;
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.source = properties.source();
        this.published = Counter.builder("supportchat.outbox.published").description("events relayed to Kafka")
            .register(meters);
        this.failures = Counter.builder("supportchat.outbox.failures").description("relay attempts that failed")
            .register(meters);
        this.parked = Counter.builder("supportchat.outbox.parked")
            .description("rows Kafka refused for good, parked instead of published").register(meters);
        Gauge.builder("supportchat.outbox.parked.rows", parkedRows, AtomicLong::get)
            .description("parked rows waiting for an operator (counted every minute)").register(meters);
        this.lag = Timer.builder("supportchat.outbox.lag").description("commit of the event to Kafka ack")
            .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    @Override
    public void start() {
        started = true;
        Flux<Boolean> ticks = Flux.merge(notifications(), Flux.interval(properties.relayPollInterval()).map(t -> true),
                wake.asFlux(), Mono.just(true));
        running.add(ticks.onBackpressureLatest()
            .concatMap(t -> drain().onErrorResume(this::logFailure), 1)
            .subscribe());
        running.add(Flux.interval(Duration.ofMinutes(10))
            .concatMap(t -> deletePublished().onErrorResume(ex -> Mono.empty()), 1)
            .subscribe());
        running.add(Flux.interval(Duration.ZERO, Duration.ofMinutes(1))
            .concatMap(t -> countParked().onErrorResume(ex -> Mono.empty()), 1)
            .subscribe());
    }

    @Override
    public void stop() {
        started = false;
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Asks the relay to look for rows now (tests and callers that wrote outside a notifying path). */
    public void wakeUp() {
        wake.tryEmitNext(true);
    }

    /**
     * Publishes until no unpublished row is left or Kafka fails transiently; emits how many rows were published.
     */
    Mono<Integer> drain() {
        return drainBatch()
            .expand(batch -> batch.read() >= properties.relayBatchSize() && batch.stoppedBy() == null ? drainBatch()
                    : Mono.empty())
            .concatMap(batch -> batch.stoppedBy() == null ? Mono.just(batch.published())
                    : logFailure(batch.stoppedBy()).thenReturn(batch.published()))
            .reduce(0, Integer::sum);
    }

    /**
     * One batch in one transaction. Its commit does not wait for the WAL flush ({@code synchronous_commit = off},
     * this transaction only): if the database crashed before the flush, the rows would merely be sent again, and
     * consumers drop events they have seen. The relay then never waits on the disk's fsync, which on a slow disk
     * stalls for 100-200 ms at times, and the disk has one fsync less per batch.
     */
    private Mono<Batch> drainBatch() {
        return tx.transactional(db.sql("SET LOCAL synchronous_commit = off").then()
            .then(db.sql("SELECT pg_try_advisory_xact_lock(:lock) AS locked")
            .bind("lock", RELAY_LOCK)
            .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
            .one()
            .flatMap(locked -> locked ? publishBatch() : Mono.just(Batch.NONE))));
    }

    private Mono<Batch> publishBatch() {
        return db.sql("""
                SELECT position, id, topic, event_key, type, subject, org_id, occurred_at, payload
                FROM outbox WHERE published_at IS NULL AND parked_at IS NULL ORDER BY position LIMIT :limit""")
            .bind("limit", properties.relayBatchSize())
            .map(OutboxRelay::toRow)
            .all()
            .collectList()
            .flatMap(rows -> rows.isEmpty() ? Mono.just(Batch.NONE) : send(rows).flatMap(sent -> settle(rows, sent)));
    }

    /**
     * Sends in row order (the idempotent producer keeps that order per partition), then waits for every outcome:
     * emits one per row sent, in row order, {@code null} for an acknowledgement, else the failure. Sending stops at a
     * row that fails transiently before it left (no metadata within {@code max.block.ms}): the rest would wait as
     * long. {@code send} can block while the producer fetches metadata, hence boundedElastic.
     */
    private Mono<List<Throwable>> send(List<OutboxRow> rows) {
        return Mono.fromCallable(() -> {
            List<CompletableFuture<Throwable>> outcomes = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                CompletableFuture<?> ack = sendOne(row);
                outcomes.add(ack.handle((result, ex) -> ex));
                if (ack.isCompletedExceptionally() && !Failures.kafkaRefusesRecord(outcomes.get(outcomes.size() - 1).join())) {
                    break;
                }
            }
            return outcomes;
        })
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(outcomes -> Mono.fromFuture(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                .then(Mono.fromCallable(() -> outcomes.stream().map(CompletableFuture::join).toList())));
    }

    private CompletableFuture<?> sendOne(OutboxRow row) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            CloudEventHeaders.write(record.headers(), row.id(), source, row.type(), row.subject(), row.orgId(),
                    row.occurredAt());
            return kafka.send(record);
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * Marks published the acknowledged rows up to the first transient failure, parks the rows Kafka refused for good
     * on the way, and leaves the rest for the next run.
     */
    private Mono<Batch> settle(List<OutboxRow> rows, List<Throwable> outcomes) {
        List<OutboxRow> acked = new ArrayList<>();
        List<Mono<Void>> parking = new ArrayList<>();
        Throwable stoppedBy = null;
        for (int i = 0; i < outcomes.size() && stoppedBy == null; i++) {
            Throwable failure = outcomes.get(i);
            if (failure == null) {
                acked.add(rows.get(i));
            }
            else if (Failures.kafkaRefusesRecord(failure)) {
                parking.add(park(rows.get(i), failure));
            }
            else {
                stoppedBy = failure;
            }
        }
        Batch batch = new Batch(rows.size(), acked.size(), stoppedBy);
        return markPublished(acked).then(Flux.concat(parking).then()).thenReturn(batch);
    }

    private Mono<Void> park(OutboxRow row, Throwable failure) {
        String reason = Failures.describe(failure);
        return db.sql("""
                UPDATE outbox SET parked_at = now(), last_error = :error, attempts = attempts + 1, last_attempt = now()
                WHERE position = :position""")
            .bind("error", reason)
            .bind("position", row.position())
            .then()
            .doOnSuccess(done -> {
                parked.increment();
                parkedRows.incrementAndGet();
                log.error("Outbox relay parked event {} (type {}, topic {}, key {}): Kafka refuses it for good ({}). "
                        + "It will not be sent again until an operator re-sends it (docs/operations.md)", row.id(),
                        row.type(), row.topic(), row.key(), reason);
            });
    }

    private Mono<Void> countParked() {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE parked_at IS NOT NULL")
            .map(row -> row.get("n", Long.class))
            .one()
            .doOnNext(parkedRows::set)
            .then();
    }

    private Mono<Integer> markPublished(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        Long[] positions = rows.stream().map(OutboxRow::position).toArray(Long[]::new);
        return db.sql("""
                UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_attempt = now()
                WHERE position = ANY(:positions)""")
            .bind("positions", positions)
            .fetch()
            .rowsUpdated()
            .doOnNext(n -> {
                published.increment(n);
                Instant now = Instant.now();
                rows.forEach(row -> lag.record(Duration.between(row.occurredAt(), now)));
            })
            .map(Long::intValue);
    }

    private Mono<Integer> logFailure(Throwable ex) {
        failures.increment();
        log.warn("Outbox relay could not publish, will retry: {}", ex.toString());
        return db.sql("""
                UPDATE outbox SET attempts = attempts + 1, last_attempt = now(), last_error = :error
                WHERE position = (SELECT min(position) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL)""")
            .bind("error", Failures.describe(ex))
            .then()
            .onErrorResume(ignored -> Mono.empty())
            .thenReturn(0);
    }

    private Mono<Void> deletePublished() {
        return db.sql("DELETE FROM outbox WHERE published_at < :before")
            .bind("before", Instant.now().minus(properties.publishedRetention()))
            .then();
    }

    /** Notifications on a dedicated connection, re-established with back-off when it drops. */
    private Flux<Boolean> notifications() {
        return Flux.usingWhen(Mono.from(connectionFactory.create()), connection -> {
            PostgresqlConnection pg = unwrap(connection);
            if (pg == null) {
                log.info("Outbox relay: connection is not PostgreSQL, relying on polling");
                return Flux.<Boolean>never();
            }
            return pg.createStatement("LISTEN " + Outbox.CHANNEL)
                .execute()
                .flatMap(result -> result.getRowsUpdated())
                .thenMany(pg.getNotifications().map(n -> true));
        }, Connection::close)
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                .filter(ex -> started)
                .doBeforeRetry(s -> log.warn("Outbox relay lost its LISTEN connection: {}", s.failure().toString())));
    }

    private static PostgresqlConnection unwrap(Object connection) {
        Object current = connection;
        for (int depth = 0; depth < 5 && current != null; depth++) {
            if (current instanceof PostgresqlConnection pg) {
                return pg;
            }
            current = current instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        }
        return null;
    }

    private static OutboxRow toRow(Readable row) {
        ByteBuffer buffer = row.get("payload", ByteBuffer.class);
        byte[] payload = new byte[buffer.remaining()];
        buffer.get(payload);
        return new OutboxRow(row.get("position", Long.class), row.get("id", java.util.UUID.class).toString(),
                row.get("topic", String.class), row.get("event_key", String.class), row.get("type", String.class),
                row.get("subject", String.class), row.get("org_id", String.class),
                row.get("occurred_at", OffsetDateTime.class).toInstant(), payload);
    }

    /** One batch: rows read, rows marked published, and the transient failure that stopped it, if any. */
    private record Batch(int read, int published, Throwable stoppedBy) {

        static final Batch NONE = new Batch(0, 0, null);
    }

    private record OutboxRow(long position, String id, String topic, String key, String type, String subject,
            String orgId, Instant occurredAt, byte[] payload) {
    }
}
