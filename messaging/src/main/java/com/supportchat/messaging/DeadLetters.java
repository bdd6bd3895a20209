package com.supportchat.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.supportchat.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Parks an event that could not be handled on {@code <topic>.DLT}, with the original key, value and headers
 * plus why and where it failed, so nothing blocks a partition and nothing is lost.
 */
class DeadLetters {

    static final String CONSUMER = "x-dlt-consumer";
    static final String EXCEPTION = "x-dlt-exception";
    static final String ORIGINAL = "x-dlt-original";

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    Mono<Void> park(ConsumerRecord<String, byte[]> failed, String consumer, Throwable cause) {
        return Mono.fromCallable(() -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.deadLetterOf(failed.topic()),
                    failed.key(), failed.value());
            for (Header header : failed.headers()) {
                record.headers().add(header);
            }
            record.headers().add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
            String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            record.headers().add(EXCEPTION, truncate(reason).getBytes(StandardCharsets.UTF_8));
            String original = failed.topic() + "-" + failed.partition() + "@" + failed.offset();
            record.headers().add(ORIGINAL, original.getBytes(StandardCharsets.UTF_8));
            return kafka.send(record);
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::fromFuture).then();
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
