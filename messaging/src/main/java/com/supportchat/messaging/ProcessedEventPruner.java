package com.supportchat.messaging;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Forgets the idempotent-consumer records ({@code processed_event}) older than the retention (7 days by default),
 * in batches, every {@code prune-every}. A Kafka record is not redelivered that long after it was applied (its
 * offset was committed with the record), so an older record protects against nothing and only makes the table
 * and its index grow without end.
 */
public class ProcessedEventPruner extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPruner.class);
    /** Rows deleted per statement: short transactions, no long lock on a busy table. */
    static final int BATCH = 5_000;

    private final DatabaseClient db;
    private final MessagingProperties properties;
    private final Clock clock;
    private final Counter pruned;

    public ProcessedEventPruner(DatabaseClient db, MessagingProperties properties, Clock clock, MeterRegistry meters) {
        super("Pruning processed-event records", properties.pruneEvery());
        this.db = db;
        this.properties = properties;
        this.clock = clock;
        this.pruned = Counter.builder("supportchat.inbox.pruned").description("processed-event records forgotten")
            .register(meters);
    }

    /** Deletes every record older than the retention; emits how many. */
    public Mono<Long> prune() {
        Instant before = clock.instant().minus(properties.processedRetention());
        return Flux.defer(() -> batch(before))
            .repeat()
            .takeUntil(deleted -> deleted < BATCH)
            .reduce(0L, Long::sum)
            .doOnNext(total -> {
                pruned.increment(total);
                if (total > 0) {
                    log.info("Forgot {} processed-event records older than {}", total, before);
                }
            });
    }

    private Mono<Long> batch(Instant before) {
        return db.sql("""
                DELETE FROM processed_event WHERE ctid IN (
                    SELECT ctid FROM processed_event WHERE processed_at < :before LIMIT :batch)""")
            .bind("before", before)
            .bind("batch", BATCH)
            .fetch()
            .rowsUpdated();
    }

    @Override
    protected Mono<Long> runOnce() {
        return prune();
    }
}
