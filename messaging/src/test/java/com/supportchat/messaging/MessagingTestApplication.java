package com.supportchat.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.R2dbcNonTransientResourceException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** A minimal service using the messaging library the way the real services do. */
@SpringBootApplication
class MessagingTestApplication {

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    NewTopic thingHappened() {
        return new NewTopic(ThingHappened.TOPIC, 3, (short) 1);
    }

    @Bean
    NewTopic thingHappenedDeadLetters() {
        return new NewTopic(ThingHappened.TOPIC + ".DLT", 3, (short) 1);
    }

    @Bean
    NewTopic rawThing() {
        return new NewTopic(RawListener.TOPIC, 1, (short) 1);
    }

    @Bean
    NewTopic rawThingDeadLetters() {
        return new NewTopic(RawListener.TOPIC + ".DLT", 1, (short) 1);
    }

    /**
     * A hand-written listener that throws instead of returning a {@code Mono}: what the containers' error handler is
     * the last line of defence for.
     */
    @Component
    static class RawListener {

        static final String TOPIC = "raw-thing";

        @KafkaListener(topics = TOPIC, groupId = "messaging-test-raw")
        void on(ConsumerRecord<String, byte[]> record) {
            throw new IllegalStateException("this listener cannot read " + record.key());
        }
    }

    /** Applies things: records each in a table, or fails as the event asks. */
    @Component
    static class ThingHandlers {

        /** Attempts per key: tests run one after another against one consumer, so each counts its own keys. */
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        /** While set, events with behaviour {@code needs-database} fail as a refused connection does. */
        final AtomicBoolean databaseDown = new AtomicBoolean();
        final AtomicInteger attemptsDuringOutage = new AtomicInteger();
        /** While set, events with behaviour {@code needs-fix} are refused, as by a bug fixed later. */
        final AtomicBoolean broken = new AtomicBoolean();
        private final DatabaseClient db;

        ThingHandlers(DatabaseClient db) {
            this.db = db;
        }

        int attemptsOf(String key) {
            AtomicInteger n = attempts.get(key);
            return n == null ? 0 : n.get();
        }

        @EventHandler(topic = ThingHappened.TOPIC, consumer = "test.thing-happened")
        Mono<Void> thingHappened(ThingHappened thing) {
            attempts.computeIfAbsent(thing.key(), k -> new AtomicInteger()).incrementAndGet();
            if ("always-fail".equals(thing.behaviour())) {
                return Mono.error(new IllegalStateException("the downstream is broken"));
            }
            if ("needs-fix".equals(thing.behaviour()) && broken.get()) {
                return Mono.error(new IllegalArgumentException("this version cannot apply it"));
            }
            if ("needs-database".equals(thing.behaviour()) && databaseDown.get()) {
                attemptsDuringOutage.incrementAndGet();
                return Mono.error(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
                        new R2dbcNonTransientResourceException("Connection refused: localhost/127.0.0.1:5432")));
            }
            return db.sql("INSERT INTO applied_thing (thing_key, number) VALUES (:key, :number)")
                .bind("key", thing.key())
                .bind("number", thing.number())
                .then();
        }
    }
}
