package com.supportchat.ai.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;

import com.supportchat.resourceserver.secrets.SealedColumn;
import com.supportchat.resourceserver.secrets.SecretBox;

/**
 * Reads and replaces an org's AI settings; an org that never saved any gets the defaults. The org's model API key
 * is stored sealed ({@link SecretBox}, bound to the org) and opened when read.
 */
@Service
public class AiSettingsService {

    private static final Logger log = LoggerFactory.getLogger(AiSettingsService.class);

    /** The sealed column, each value bound to its org. */
    public static final SealedColumn API_KEYS = new SealedColumn("ai_settings", "org_id", "api_key",
            org -> "ai_settings.api_key|" + org);

    private final DatabaseClient db;
    private final SecretBox secrets;
    private final Clock clock;

    AiSettingsService(DatabaseClient db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Seals keys stored before encryption, or under a master key being rotated out. */
    @EventListener(ApplicationReadyEvent.class)
    void sealStoredKeys() {
        API_KEYS.rewrap(db, secrets)
            .subscribe(rows -> { }, error -> log.warn("Could not re-seal the stored model API keys: {}", error.toString()));
    }

    public Mono<AiSettings> get(String orgId) {
        return db.sql("""
                SELECT org_id, system_prompt, model, temperature, custom_handoff_instructions, base_url, api_key, enabled,
                       updated_at
                FROM ai_settings WHERE org_id = :org""")
            .bind("org", orgId)
            .map(this::toSettings)
            .one()
            .defaultIfEmpty(AiSettings.defaults(orgId));
    }

    public Mono<AiSettings> put(String orgId, AiSettingsChange change) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return get(orgId).flatMap(current -> {
            String apiKey = change.apiKey() == null ? current.apiKey()
                    : change.apiKey().isBlank() ? null : change.apiKey().strip();
            AiSettings next = new AiSettings(orgId, blankToNull(change.systemPrompt()), blankToNull(change.model()),
                    change.temperature(), blankToNull(change.customHandoffInstructions()), blankToNull(change.baseUrl()),
                    apiKey, change.enabled() == null || change.enabled(), now);
            GenericExecuteSpec spec = db.sql("""
                    INSERT INTO ai_settings (org_id, system_prompt, model, temperature, custom_handoff_instructions, base_url,
                                             api_key, enabled, updated_at)
                    VALUES (:org, :prompt, :model, :temperature, :instructions, :baseUrl, :apiKey, :enabled, :now)
                    ON CONFLICT (org_id) DO UPDATE SET system_prompt = EXCLUDED.system_prompt, model = EXCLUDED.model,
                        temperature = EXCLUDED.temperature, custom_handoff_instructions = EXCLUDED.custom_handoff_instructions,
                        base_url = EXCLUDED.base_url, api_key = EXCLUDED.api_key, enabled = EXCLUDED.enabled,
                        updated_at = EXCLUDED.updated_at""")
                .bind("org", orgId)
                .bind("enabled", next.enabled())
                .bind("now", now);
            spec = nullable(spec, "prompt", next.systemPrompt(), String.class);
            spec = nullable(spec, "model", next.model(), String.class);
            spec = nullable(spec, "temperature", next.temperature(), Double.class);
            spec = nullable(spec, "instructions", next.customHandoffInstructions(), String.class);
            spec = nullable(spec, "baseUrl", next.baseUrl(), String.class);
            spec = nullable(spec, "apiKey",
                    next.apiKey() == null ? null : secrets.seal(next.apiKey(), API_KEYS.context().apply(orgId)),
                    String.class);
            return spec.then().thenReturn(next);
        });
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private AiSettings toSettings(Readable row) {
        String orgId = row.get("org_id", String.class);
        Boolean enabled = row.get("enabled", Boolean.class);
        OffsetDateTime updated = row.get("updated_at", OffsetDateTime.class);
        return new AiSettings(orgId, row.get("system_prompt", String.class),
                row.get("model", String.class), row.get("temperature", Double.class),
                row.get("custom_handoff_instructions", String.class), row.get("base_url", String.class),
                secrets.open(row.get("api_key", String.class), API_KEYS.context().apply(orgId)), enabled == null || enabled, updated == null ? null : updated.toInstant());
    }
}
