package com.supportchat.handoff.settings;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code handoff_settings} table. Stored documents were validated on the way in. */
@Repository
class HandoffSettingsStore {

    private final DatabaseClient db;
    private final JsonMapper mapper;

    HandoffSettingsStore(DatabaseClient db, JsonMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    Mono<StoredSettings> find(String orgId) {
        return db.sql("SELECT document, updated_at FROM handoff_settings WHERE org_id = :org")
            .bind("org", orgId)
            .map(row -> new StoredSettings(orgId,
                    HandoffSettingsValidator.validate(mapper.readValue(row.get("document", Json.class).asString(),
                            HandoffSettingsDocument.class)),
                    row.get("updated_at", OffsetDateTime.class).toInstant()))
            .one();
    }

    Mono<Void> save(String orgId, HandoffSettings settings, Instant at, String operatorId) {
        String json = mapper.writeValueAsString(HandoffSettingsDocument.of(settings));
        return db.sql("""
                INSERT INTO handoff_settings (org_id, document, updated_at, updated_by)
                VALUES (:org, :document, :at, :by)
                ON CONFLICT (org_id) DO UPDATE SET document = EXCLUDED.document, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
            .bind("org", orgId)
            .bind("document", Json.of(json))
            .bind("at", at)
            .bind("by", operatorId == null ? "" : operatorId)
            .then();
    }
}
