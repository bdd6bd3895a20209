package com.supportchat.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** A minimal service using the messaging library the way the real services do. */
@SpringBootApplication
class MessagingTestApplication {

    @Bean
    NewTopic thingHappened() {
        return new NewTopic(ThingHappened.TOPIC, 3, (short) 1);
    }

    @Bean
    NewTopic thingHappenedDeadLetters() {
        return new NewTopic(ThingHappened.TOPIC + ".DLT", 3, (short) 1);
    }

    /** Applies things: records each in a table, or fails as the event asks. */
    @Component
    static class ThingListener {

        final AtomicInteger attempts = new AtomicInteger();
        private final InboundEvents inbound;
        private final DatabaseClient db;

        ThingListener(InboundEvents inbound, DatabaseClient db) {
            this.inbound = inbound;
            this.db = db;
        }

        @KafkaListener(topics = ThingHappened.TOPIC)
        Mono<Void> on(ConsumerRecord<String, byte[]> record) {
            return inbound.apply(record, "test.thing-happened", event -> {
                ThingHappened thing = event.data(ThingHappened.class);
                attempts.incrementAndGet();
                if ("always-fail".equals(thing.behaviour())) {
                    return Mono.error(new IllegalStateException("the downstream is broken"));
                }
                return db.sql("INSERT INTO applied_thing (thing_key, number) VALUES (:key, :number)")
                    .bind("key", thing.key())
                    .bind("number", thing.number())
                    .then();
            });
        }
    }
}
