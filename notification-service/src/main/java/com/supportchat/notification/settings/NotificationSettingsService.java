package com.supportchat.notification.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** Reads (defaults when absent) and replaces an org's notification settings. */
@Service
public class NotificationSettingsService {

    /** Settings and when they last changed (null: the defaults apply). */
    public record Stored(NotificationSettings settings, Instant updatedAt) {
    }

    private final DatabaseClient db;
    private final JsonMapper mapper;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationSettingsService(DatabaseClient db, JsonMapper mapper, NotificationProperties properties, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Stored> current(String orgId) {
        return db.sql("SELECT document, updated_at FROM notification_settings WHERE org_id = :org")
            .bind("org", orgId)
            .map(row -> new Stored(NotificationSettingsValidator.validate(
                    mapper.readValue(row.get("document", Json.class).asString(), NotificationSettingsDocument.class),
                    properties.consoleBaseUrl()), row.get("updated_at", OffsetDateTime.class).toInstant()))
            .one()
            .defaultIfEmpty(new Stored(NotificationSettings.defaults(properties.consoleBaseUrl()), null));
    }

    public Mono<Stored> replace(String orgId, NotificationSettingsDocument document, String operatorId) {
        return Mono.fromCallable(() -> NotificationSettingsValidator.validate(document, properties.consoleBaseUrl()))
            .flatMap(settings -> {
                Instant now = clock.instant();
                String json = mapper.writeValueAsString(NotificationSettingsDocument.of(settings, null));
                return db.sql("""
                        INSERT INTO notification_settings (org_id, document, updated_at, updated_by)
                        VALUES (:org, :document, :at, :by)
                        ON CONFLICT (org_id) DO UPDATE SET document = EXCLUDED.document,
                            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                    .bind("org", orgId)
                    .bind("document", Json.of(json))
                    .bind("at", now)
                    .bind("by", operatorId == null ? "" : operatorId)
                    .then()
                    .thenReturn(new Stored(settings, now));
            });
    }
}
