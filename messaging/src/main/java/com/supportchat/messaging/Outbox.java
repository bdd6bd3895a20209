package com.supportchat.messaging;

import java.time.Instant;
import java.util.UUID;

import com.supportchat.events.PublishedEvent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The transactional outbox. {@link #publish} writes the event next to the caller's state change, inside
 * the caller's R2DBC transaction, and notifies the relay; the notification is delivered only when that
 * transaction commits, so the relay never sees an event whose state change was rolled back.
 * Never send to Kafka directly on the request path of a state change: publish here.
 */
public class Outbox {

    static final String CHANNEL = "outbox";

    private final DatabaseClient db;
    private final JsonMapper mapper;
    private final String source;

    public Outbox(DatabaseClient db, JsonMapper mapper, MessagingProperties properties) {
        this.db = db;
        this.mapper = mapper;
        this.source = properties.source();
    }

    /** Appends the event; call it inside the transaction that changes the state the event reports. */
    public Mono<Void> publish(PublishedEvent event) {
        return publish(event, Instant.now());
    }

    public Mono<Void> publish(PublishedEvent event, Instant occurredAt) {
        return Mono.fromCallable(() -> mapper.writeValueAsBytes(event))
            .flatMap(payload -> db.sql("""
                    INSERT INTO outbox (id, topic, event_key, type, subject, org_id, occurred_at, payload)
                    VALUES (:id, :topic, :key, :type, :subject, :orgId, :occurredAt, :payload)""")
                .bind("id", UUID.randomUUID())
                .bind("topic", event.topic())
                .bind("key", event.subject())
                .bind("type", event.type())
                .bind("subject", event.subject())
                .bind("orgId", event.orgId())
                .bind("occurredAt", occurredAt)
                .bind("payload", payload)
                .then())
            .then(db.sql("SELECT pg_notify('" + CHANNEL + "', '')").then());
    }

    String source() {
        return source;
    }
}
