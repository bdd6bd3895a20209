package com.supportchat.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.supportchat.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * The one dead-letter path of every service: an event that cannot be applied goes to {@code <topic>.DLT} with its
 * original key, value and headers (the {@code ce_*} attributes, so it can be replayed as it was), keyed like the
 * original, plus three headers saying why and where it failed:
 * <ul>
 * <li>{@value #CONSUMER}: the consumer that gave up: the name given to {@link InboundEvents}, or the consumer group
 * when the failure happened outside it (a listener that threw before returning its {@code Mono});</li>
 * <li>{@value #EXCEPTION}: class and message of the innermost cause, at most 1000 characters;</li>
 * <li>{@value #ORIGINAL}: where the record was, {@code <topic>-<partition>@<offset>}.</li>
 * </ul>
 * {@link InboundEvents} parks asynchronously; the listener containers' error handler uses {@link #recoverer}, so
 * spring-kafka's own {@code kafka_dlt-*} headers never appear. {@link DeadLetterReplay} puts the records back.
 */
class DeadLetters {

    static final String CONSUMER = "x-dlt-consumer";
    static final String EXCEPTION = "x-dlt-exception";
    static final String ORIGINAL = "x-dlt-original";
    static final String PREFIX = "x-dlt-";

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    Mono<Void> park(ConsumerRecord<?, ?> failed, String consumer, Throwable cause) {
        return Mono.fromCallable(() -> send(failed, consumer, cause))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(Mono::fromFuture)
            .then();
    }

    /**
     * For the listener containers' error handler: parks the record and waits for the broker's acknowledgement, as a
     * recoverer must (the offset is committed when it returns); a failure makes the error handler try again.
     */
    ConsumerRecordRecoverer recoverer(Duration timeout) {
        return (failed, cause) -> {
            String group = KafkaUtils.getConsumerGroupId();
            try {
                send(failed, group == null ? "unknown" : group, cause).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while parking " + where(failed), ex);
            }
            catch (ExecutionException | TimeoutException ex) {
                throw new KafkaException("Could not park " + where(failed) + " on the dead-letter topic", ex);
            }
        };
    }

    private CompletableFuture<?> send(ConsumerRecord<?, ?> failed, String consumer, Throwable cause) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.deadLetterOf(failed.topic()),
                failed.key() == null ? null : failed.key().toString(), bytes(failed.value()));
        for (Header header : failed.headers()) {
            record.headers().add(header);
        }
        put(record, CONSUMER, consumer);
        put(record, EXCEPTION, Failures.describe(cause));
        put(record, ORIGINAL, where(failed));
        return kafka.send(record);
    }

    private static void put(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
