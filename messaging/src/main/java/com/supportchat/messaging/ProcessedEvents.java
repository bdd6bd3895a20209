package com.supportchat.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The idempotent-consumer record: which events each consumer has applied. */
class ProcessedEvents {

    private final DatabaseClient db;

    ProcessedEvents(DatabaseClient db) {
        this.db = db;
    }

    /** Records the event as applied; emits false when it already was. Call inside the handler's transaction. */
    Mono<Boolean> markIfNew(String consumer, String eventId) {
        return db.sql("INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
            .bind("consumer", consumer)
            .bind("eventId", eventId)
            .fetch()
            .rowsUpdated()
            .map(n -> n > 0);
    }

    /**
     * Records several events as applied with one statement; emits those that were not recorded before. Call inside
     * the handlers' transaction. The keys must be distinct.
     */
    Mono<Set<Key>> markAllIfNew(Collection<Key> keys) {
        String[] consumers = keys.stream().map(Key::consumer).toArray(String[]::new);
        String[] ids = keys.stream().map(Key::eventId).toArray(String[]::new);
        return db.sql("""
                INSERT INTO processed_event (consumer, event_id)
                SELECT * FROM unnest(CAST(:consumers AS text[]), CAST(:ids AS text[]))
                ON CONFLICT DO NOTHING RETURNING consumer, event_id""")
            .bind("consumers", consumers)
            .bind("ids", ids)
            .map(row -> new Key(row.get("consumer", String.class), row.get("event_id", String.class)))
            .all()
            .collect(HashSet<Key>::new, Set::add)
            .map(set -> (Set<Key>) set);
    }

    /** One consumer's record of one event. */
    record Key(String consumer, String eventId) {
    }
}
