package com.supportchat.identity.contact;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import com.supportchat.identity.store.Jsonb;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Contacts in the database, one per (org, customer's userId). */
@Repository
public class Contacts {

    private final DatabaseClient db;
    private final Jsonb jsonb;
    private final Clock clock;

    Contacts(DatabaseClient db, Jsonb jsonb, Clock clock) {
        this.db = db;
        this.jsonb = jsonb;
        this.clock = clock;
    }

    /**
     * Creates the contact or refreshes it. Email and name are replaced only when given; custom data is
     * replaced when given (the backend sends the whole current picture).
     */
    public Mono<Contact> upsert(UUID orgId, String userId, String email, String name, Map<String, Object> customData) {
        return db.sql("""
                INSERT INTO contacts (id, org_id, user_id, email, name, trusted_data, created_at, updated_at)
                VALUES (:id, :org, :userId, :email, :name, COALESCE(:data, '{}'::jsonb), :now, :now)
                ON CONFLICT (org_id, user_id) DO UPDATE SET
                    email = COALESCE(EXCLUDED.email, contacts.email),
                    name = COALESCE(EXCLUDED.name, contacts.name),
                    trusted_data = COALESCE(:data, contacts.trusted_data),
                    updated_at = EXCLUDED.updated_at
                RETURNING *""")
            .bind("id", UUID.randomUUID())
            .bind("org", orgId)
            .bind("userId", userId)
            .bind("email", Parameter.fromOrEmpty(email, String.class))
            .bind("name", Parameter.fromOrEmpty(name, String.class))
            .bind("data", Parameter.fromOrEmpty(customData == null ? null : jsonb.write(customData),
                    io.r2dbc.postgresql.codec.Json.class))
            .bind("now", clock.instant())
            .map(this::contact)
            .one();
    }

    /** The contact of this org; empty for another org's contact id. */
    public Mono<Contact> find(UUID orgId, UUID id) {
        return db.sql("SELECT * FROM contacts WHERE org_id = :org AND id = :id")
            .bind("org", orgId)
            .bind("id", id)
            .map(this::contact)
            .one();
    }

    private Contact contact(Readable row) {
        return new Contact(row.get("id", UUID.class), row.get("org_id", UUID.class), row.get("user_id", String.class),
                row.get("email", String.class), row.get("name", String.class), jsonb.read(row, "trusted_data"));
    }
}
