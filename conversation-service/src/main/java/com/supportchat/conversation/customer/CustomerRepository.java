package com.supportchat.conversation.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.VisitorIdentified;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    public CustomerRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Keeps the latest profile; an event older than the stored one does not overwrite it. */
    public Mono<Void> upsert(VisitorIdentified v) {
        return db.sql("""
                INSERT INTO customer (org_id, customer_key, identity_type, visitor_id, contact_id, external_id, name, email,
                    trusted_data, untrusted_data, metadata, updated_at)
                VALUES (:org, :key, :type, :visitorId, :contactId, :externalId, :name, :email, :trusted, :untrusted,
                    :metadata, :at)
                ON CONFLICT (org_id, customer_key) DO UPDATE SET identity_type = :type, visitor_id = :visitorId,
                    contact_id = :contactId, external_id = :externalId,
                    name = COALESCE(:name, customer.name), email = COALESCE(:email, customer.email),
                    trusted_data = customer.trusted_data || :trusted, untrusted_data = customer.untrusted_data || :untrusted,
                    metadata = customer.metadata || :metadata, updated_at = :at
                WHERE customer.updated_at <= :at""")
            .bind("org", v.orgId())
            .bind("key", v.customerKey())
            .bind("type", v.identityType().name())
            .bind("visitorId", nullable(v.visitorId()))
            .bind("contactId", nullable(v.contactId()))
            .bind("externalId", nullable(v.externalId()))
            .bind("name", nullable(v.name()))
            .bind("email", nullable(v.email()))
            .bind("trusted", Json.of(json.writeValueAsString(v.trustedData())))
            .bind("untrusted", Json.of(json.writeValueAsString(v.untrustedData())))
            .bind("metadata", Json.of(json.writeValueAsString(v.metadata())))
            .bind("at", v.identifiedAt() == null ? Instant.now() : v.identifiedAt())
            .then();
    }

    public Mono<Customer> find(String orgId, String customerKey) {
        return db.sql("SELECT * FROM customer WHERE org_id = :org AND customer_key = :key")
            .bind("org", orgId)
            .bind("key", customerKey)
            .map(this::toCustomer)
            .one();
    }

    public Flux<Customer> findAll(String orgId, Collection<String> customerKeys) {
        if (customerKeys.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT * FROM customer WHERE org_id = :org AND customer_key = ANY(:keys)")
            .bind("org", orgId)
            .bind("keys", customerKeys.toArray(String[]::new))
            .map(this::toCustomer)
            .all();
    }

    private Customer toCustomer(Readable row) {
        return new Customer(row.get("customer_key", String.class), row.get("identity_type", String.class),
                row.get("name", String.class), row.get("email", String.class), row.get("external_id", String.class),
                map(row, "trusted_data"), map(row, "untrusted_data"), map(row, "metadata"));
    }

    private Map<String, Object> map(Readable row, String column) {
        Json value = row.get(column, Json.class);
        return value == null ? Map.of() : json.readValue(value.asString(), MAP);
    }

    private static Object nullable(String value) {
        return value == null ? Parameters.in(String.class) : value;
    }
}
