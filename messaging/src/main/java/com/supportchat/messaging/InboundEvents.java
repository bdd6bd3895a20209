package com.supportchat.messaging;

import java.time.Duration;
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
 * How every listener applies an event: in order per key, exactly once per consumer (the event id is recorded in the
 * same transaction as the handler's writes). Listeners stay thin: guard clauses, then
 * {@code inbound.apply(record, "consumer-name", event -> service.doSomething(event.data(X.class)))}.
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
