package com.supportchat.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How every {@link EventHandler} is applied: in order per key, exactly once per consumer (the event id is recorded in
 * the same transaction as the handler's writes). {@link PollDispatcher} calls it with each poll's records:
 * {@link #applyBatch} for the batchable ones, {@link #apply} for one record, {@link #observe} for ephemeral effects.
 *
 * <p><b>Batches.</b> The deliveries of one poll are applied in one database transaction: their
 * {@code processed_event} rows are inserted by one statement (the duplicates are the rows it did not insert), then
 * the handlers run one after the other in poll order, so a key's events keep their order, and the transaction
 * commits once. If anything in it fails, it rolls back and the poll's deliveries are applied one by one with
 * {@link #apply}: the failing event is isolated and classified exactly as below, the others are applied exactly
 * once (the rolled-back batch recorded nothing). The poll's offsets are committed only after all of that.
 *
 * <p>A failed attempt is handled by what it says about the event ({@link Failures#ofHandling}):
 * <ul>
 * <li><b>poison</b> ({@link PoisonEventException}: not a CloudEvent, undecodable data, a guard clause): straight to
 * the dead-letter topic ({@link DeadLetters});</li>
 * <li><b>refused</b> (the handler's {@code IllegalArgumentException}, {@code IllegalStateException}, validation,
 * integrity violations ...): {@code consumer-attempts} attempts with back-off from {@code consumer-backoff}, then the
 * dead-letter topic;</li>
 * <li><b>infrastructure</b> (database or broker unreachable, time-outs, anything unknown): retried with exponential
 * back-off capped at {@code consumer-max-backoff}, without limit. The event is never skipped and its offset is not
 * committed until it is applied, so nothing is lost and the key's later events wait behind it.</li>
 * </ul>
 *
 * <p>Why retrying inside the {@code Mono} without limit is safe for the consumer: a listener returning a {@code Mono}
 * gets async acks (spring-kafka sets {@code AckMode.MANUAL} with out-of-order commits). The listener method returns at
 * once, so the consumer thread keeps calling {@code poll()} and {@code max.poll.interval.ms} is never exceeded: no
 * rebalance storm. While any record of the last poll is unacknowledged the container pauses the consumer ("incomplete
 * out of order acks"), so during an outage it fetches nothing more: memory holds one poll's records at most, and it
 * resumes by itself once they are all applied. No explicit {@code pause()} is needed. The gauge
 * {@code supportchat.events.waiting} counts events waiting for the infrastructure.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final TransactionalOperator tx;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final JsonMapper mapper;
    private final MessagingProperties properties;
    private final MeterRegistry meters;
    private final KeyedSequencer sequencer = new KeyedSequencer();
    private final AtomicInteger waiting = new AtomicInteger();

    InboundEvents(TransactionalOperator tx, ProcessedEvents processed, DeadLetters deadLetters,
            JsonMapper mapper, MessagingProperties properties, MeterRegistry meters) {
        this.tx = tx;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("supportchat.events.waiting", waiting, AtomicInteger::get)
            .description("events whose handling waits for the database or broker to come back").register(meters);
    }

    /** Applies the record exactly once for {@code consumer}; the returned Mono completes when it is safe to commit the offset. */
    public Mono<Void> apply(ConsumerRecord<String, byte[]> record, String consumer,
            Function<IncomingEvent, Mono<Void>> handler) {
        return sequencer.run(record.key(), () -> {
            Outage outage = new Outage(record, consumer);
            return Mono.fromCallable(() -> IncomingEvent.from(record, mapper))
                .flatMap(event -> tx.transactional(processed.markIfNew(consumer, event.id())
                    .flatMap(isNew -> isNew ? handler.apply(event).thenReturn(true) : Mono.just(false)))
                    .doOnNext(applied -> count(consumer, applied ? "applied" : "duplicate")))
                .retryWhen(untilAppliedOrPoison(outage))
                .then()
                .onErrorResume(ex -> deadLetter(record, consumer, ex, outage))
                .doFinally(signal -> outage.over());
        });
    }

    /** One record for one handler: what a poll hands to this class. */
    record Delivery(ConsumerRecord<String, byte[]> record, String consumer, Function<IncomingEvent, Mono<Void>> handler) {
    }

    /**
     * Applies the deliveries of one poll in one transaction, falling back to {@link #apply} one by one if it fails.
     * One delivery alone takes the one-by-one path at once: the same single transaction, without a wasted attempt.
     */
    public Mono<Void> applyBatch(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Mono.empty();
        }
        if (deliveries.size() == 1) {
            return oneByOne(deliveries);
        }
        // sequenced on the batch's keys: never beside in-flight one-by-one work of the same keys. The fallback runs
        // after the batch released them (doFinally), so its own per-key sequencing does not wait on itself.
        return sequencer.runAll(deliveries.stream().map(d -> d.record().key()).toList(), () -> Mono.defer(() -> {
            List<IncomingEvent> events = new ArrayList<>(deliveries.size());
            List<ProcessedEvents.Key> keys = new ArrayList<>(deliveries.size());
            Map<ProcessedEvents.Key, Integer> firstDelivery = new LinkedHashMap<>();
            for (int i = 0; i < deliveries.size(); i++) {
                IncomingEvent event = IncomingEvent.from(deliveries.get(i).record(), mapper);
                ProcessedEvents.Key key = new ProcessedEvents.Key(deliveries.get(i).consumer(), event.id());
                events.add(event);
                keys.add(key);
                // the same event twice in one poll (a producer's retry): the later copy is a duplicate
                firstDelivery.putIfAbsent(key, i);
            }
            Set<Integer> applied = new HashSet<>();
            return tx.transactional(processed.markAllIfNew(firstDelivery.keySet())
                .flatMap(isNew -> Flux.range(0, deliveries.size())
                    .filter(i -> isNew.contains(keys.get(i)) && firstDelivery.get(keys.get(i)) == i)
                    .concatMap(i -> Mono.defer(() -> deliveries.get(i).handler().apply(events.get(i)))
                        .doOnSuccess(done -> applied.add(i)))
                    .then()))
                .doOnSuccess(done -> {
                    for (int i = 0; i < deliveries.size(); i++) {
                        count(deliveries.get(i).consumer(), applied.contains(i) ? "applied" : "duplicate");
                    }
                    meters.counter("supportchat.events.batches", "outcome", "committed").increment();
                });
        }))
            .onErrorResume(failure -> {
                log.info("A batch of {} events failed ({}); applying them one by one", deliveries.size(),
                        Failures.describe(failure));
                meters.counter("supportchat.events.batches", "outcome", "one-by-one").increment();
                return oneByOne(deliveries);
            });
    }

    /** Each delivery on its own, concurrently across keys, in poll order per key (the sequencer is called in order). */
    private Mono<Void> oneByOne(List<Delivery> deliveries) {
        return Flux.fromIterable(deliveries)
            .map(delivery -> apply(delivery.record(), delivery.consumer(), delivery.handler()))
            .flatMap(applied -> applied, Integer.MAX_VALUE)
            .then();
    }

    private Mono<Void> deadLetter(ConsumerRecord<String, byte[]> record, String consumer, Throwable failure,
            Outage outage) {
        log.error("{} could not apply {}; parking it on the dead-letter topic: {}", consumer, where(record),
                Failures.describe(failure));
        count(consumer, "dead-lettered");
        return deadLetters.park(record, consumer, failure)
            .retryWhen(whileInfrastructureIsDown(outage))
            .onErrorResume(refused -> {
                // the dead-letter topic refuses it for good (too large with our headers): logged, not held forever
                log.error("{} could not park {} either, skipping it: {}", consumer, where(record),
                        Failures.describe(refused));
                count(consumer, "dead-letter-refused");
                return Mono.empty();
            });
    }

    /**
     * Applies the record without the exactly-once record, for ephemeral effects such as pushing to live
     * streams; still ordered per key and never blocking the partition.
     */
    public Mono<Void> observe(ConsumerRecord<String, byte[]> record, String consumer,
            Function<IncomingEvent, Mono<Void>> handler) {
        return sequencer.run(record.key(), () -> Mono.fromCallable(() -> IncomingEvent.from(record, mapper))
            .flatMap(handler)
            .onErrorResume(ex -> {
                log.warn("{} skipped {}-{}@{}: {}", consumer, record.topic(), record.partition(), record.offset(),
                        ex.toString());
                return Mono.empty();
            }));
    }

    /** Poison: give up at once. Refused: a bounded number of attempts. Infrastructure: again and again. */
    private Retry untilAppliedOrPoison(Outage outage) {
        return Retry.from(failures -> Flux.defer(() -> {
            AtomicInteger refusals = new AtomicInteger();
            return failures.concatMap(signal -> {
                Throwable failure = signal.failure();
                return switch (Failures.ofHandling(failure)) {
                    case POISON -> Mono.error(failure);
                    case REFUSED -> {
                        int attempt = refusals.incrementAndGet();
                        yield attempt >= properties.consumerAttempts() ? Mono.error(failure)
                                : Mono.delay(backoff(attempt - 1));
                    }
                    case INFRASTRUCTURE -> outage.waitAfter(failure);
                };
            });
        }));
    }

    private Retry whileInfrastructureIsDown(Outage outage) {
        return Retry.from(failures -> failures.concatMap(signal ->
                Failures.ofHandling(signal.failure()) == Failures.Kind.INFRASTRUCTURE ? outage.waitAfter(signal.failure())
                        : Mono.error(signal.failure())));
    }

    private Duration backoff(int retry) {
        Duration max = properties.consumerMaxBackoff();
        Duration delay = properties.consumerBackoff().multipliedBy(1L << Math.min(retry, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** One record's wait for the database or broker: back-off, a log that does not flood, the waiting gauge. */
    private final class Outage {

        private final ConsumerRecord<String, byte[]> record;
        private final String consumer;
        private int retries;

        Outage(ConsumerRecord<String, byte[]> record, String consumer) {
            this.record = record;
            this.consumer = consumer;
        }

        Mono<Long> waitAfter(Throwable failure) {
            if (retries == 0) {
                waiting.incrementAndGet();
            }
            Duration delay = backoff(retries);
            // the first failures, then about one line a minute
            long quietRetries = Math.max(1, Duration.ofMinutes(1).toMillis() / properties.consumerMaxBackoff().toMillis());
            if (retries < 3 || retries % quietRetries == 0) {
                log.warn("{} waits for the infrastructure to apply {} (retry {} in {}): {}", consumer, where(record),
                        retries + 1, delay, Failures.describe(failure));
            }
            retries++;
            count(consumer, "infrastructure-retry");
            return Mono.delay(delay);
        }

        void over() {
            if (retries > 0) {
                waiting.decrementAndGet();
                retries = 0;
            }
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private void count(String consumer, String outcome) {
        meters.counter("supportchat.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
