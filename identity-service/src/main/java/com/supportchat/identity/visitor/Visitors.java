package com.supportchat.identity.visitor;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import com.supportchat.identity.secret.Secrets;
import com.supportchat.identity.store.Jsonb;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Visitors in the database, found by the hash of their token within one org. */
@Repository
public class Visitors {

    private final DatabaseClient db;
    private final Jsonb jsonb;
    private final Clock clock;
    private final UntrustedData bounds;

    Visitors(DatabaseClient db, Jsonb jsonb, Clock clock, UntrustedData bounds) {
        this.db = db;
        this.jsonb = jsonb;
        this.clock = clock;
        this.bounds = bounds;
    }

    /**
     * The org's visitor holding this token, if it was last seen within {@code idleExpiry}; empty for an
     * unknown token, one from another org, or one idle for longer (it has expired: a browser left alone that
     * long, or a token copied out of one, no longer opens that visitor's history).
     */
    public Mono<Visitor> findByToken(UUID orgId, String visitorToken, Duration idleExpiry) {
        return db.sql("SELECT * FROM visitors WHERE org_id = :org AND token_hash = :hash AND last_seen_at > :since")
            .bind("org", orgId)
            .bind("hash", Secrets.sha256(visitorToken))
            .bind("since", clock.instant().minus(idleExpiry))
            .map(this::visitor)
            .one();
    }

    public Mono<Visitor> create(UUID orgId, String visitorToken, UUID contactId, String name, String email,
            Map<String, Object> untrustedData, Map<String, String> metadata) {
        return db.sql("""
                INSERT INTO visitors (id, org_id, token_hash, contact_id, name, email, untrusted_data, metadata, created_at, last_seen_at)
                VALUES (:id, :org, :hash, :contact, :name, :email, :untrusted, :metadata, :now, :now)
                RETURNING *""")
            .bind("id", UUID.randomUUID())
            .bind("org", orgId)
            .bind("hash", Secrets.sha256(visitorToken))
            .bind("contact", Parameter.fromOrEmpty(contactId, UUID.class))
            .bind("name", Parameter.fromOrEmpty(name, String.class))
            .bind("email", Parameter.fromOrEmpty(email, String.class))
            .bind("untrusted", jsonb.write(untrustedData))
            .bind("metadata", jsonb.write(metadata))
            .bind("now", clock.instant())
            .map(this::visitor)
            .one();
    }

    /**
     * Records a returning visit: what the browser sends now is merged over what it sent before (a value
     * it does not repeat is kept, within {@link UntrustedData}'s bounds), and the contact it proved this time, if
     * any, is remembered.
     */
    public Mono<Visitor> revisit(Visitor visitor, UUID contactId, String name, String email,
            Map<String, Object> untrustedData, Map<String, String> metadata) {
        Map<String, Object> untrusted = bounds.merge(visitor.untrustedData(), untrustedData);
        Map<String, String> meta = new LinkedHashMap<>(visitor.metadata());
        meta.putAll(metadata);
        return db.sql("""
                UPDATE visitors SET contact_id = COALESCE(:contact, contact_id), name = COALESCE(:name, name),
                    email = COALESCE(:email, email), untrusted_data = :untrusted, metadata = :metadata, last_seen_at = :now
                WHERE org_id = :org AND id = :id
                RETURNING *""")
            .bind("contact", Parameter.fromOrEmpty(contactId, UUID.class))
            .bind("name", Parameter.fromOrEmpty(name, String.class))
            .bind("email", Parameter.fromOrEmpty(email, String.class))
            .bind("untrusted", jsonb.write(untrusted))
            .bind("metadata", jsonb.write(meta))
            .bind("now", clock.instant())
            .bind("org", visitor.orgId())
            .bind("id", visitor.id())
            .map(this::visitor)
            .one();
    }

    private Visitor visitor(Readable row) {
        return new Visitor(row.get("id", UUID.class), row.get("org_id", UUID.class), row.get("contact_id", UUID.class),
                row.get("name", String.class), row.get("email", String.class), jsonb.read(row, "untrusted_data"),
                jsonb.readStrings(row, "metadata"));
    }

}
