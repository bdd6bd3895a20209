package com.supportchat.messaging;

import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How every listener applies an event: in order per key, exactly once per consumer (the event id is
 * recorded in the same transaction as the handler's writes), retried with back-off a bounded number of
 * times, then parked on the dead-letter topic. Listeners stay thin: guard clauses, then
 * {@code inbound.apply(record, "consumer-name", event -> service.doSomething(event.data(X.class)))}.
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

    InboundEvents(TransactionalOperator tx, ProcessedEvents processed, DeadLetters deadLetters,
            JsonMapper mapper, MessagingProperties properties, MeterRegistry meters) {
        this.tx = tx;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.properties = properties;
        this.meters = meters;
    }

    /** Applies the record exactly once for {@code consumer}; the returned Mono completes when it is safe to commit the offset. */
    public Mono<Void> apply(ConsumerRecord<String, byte[]> record, String consumer,
            Function<IncomingEvent, Mono<Void>> handler) {
        return sequencer.run(record.key(), () -> Mono.fromCallable(() -> IncomingEvent.from(record, mapper))
            .flatMap(event -> tx.transactional(processed.markIfNew(consumer, event.id())
                .flatMap(isNew -> isNew ? handler.apply(event).thenReturn(true) : Mono.just(false)))
                .doOnNext(applied -> count(consumer, applied ? "applied" : "duplicate")))
            .retryWhen(Retry.backoff(properties.consumerAttempts() - 1L, properties.consumerBackoff())
                .filter(ex -> !(ex instanceof PoisonEventException))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
            .then()
            .onErrorResume(ex -> {
                log.error("{} could not apply {}-{}@{} ({}); parking it on the dead-letter topic", consumer,
                        record.topic(), record.partition(), record.offset(), ex.toString());
                count(consumer, "dead-lettered");
                return deadLetters.park(record, consumer, ex);
            }));
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

    private void count(String consumer, String outcome) {
        meters.counter("supportchat.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
