package com.supportchat.messaging;

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
}
