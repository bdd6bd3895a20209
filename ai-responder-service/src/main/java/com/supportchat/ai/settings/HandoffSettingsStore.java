package com.supportchat.ai.settings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import com.supportchat.ai.understanding.TriggerSettings;
import com.supportchat.events.HandoffSettingsChanged;
import com.supportchat.events.HandoffTrigger;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The org's handoff settings as handoff-service last published them; {@link TriggerSettings#DEFAULTS} (level 1,
 * "Quick handoff") until it has. A published state older than the stored one is ignored.
 */
@Service
public class HandoffSettingsStore {

    private final DatabaseClient db;

    HandoffSettingsStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<TriggerSettings> triggerSettings(String orgId) {
        return db.sql("""
                SELECT live_handoff_enabled, active_triggers, forbidden_topics, custom_phrases
                FROM handoff_settings WHERE org_id = :org""")
            .bind("org", orgId)
            .map(HandoffSettingsStore::toSettings)
            .one()
            .defaultIfEmpty(TriggerSettings.DEFAULTS);
    }

    public Mono<Void> apply(HandoffSettingsChanged changed) {
        return db.sql("""
                INSERT INTO handoff_settings (org_id, live_handoff_enabled, level, active_triggers, forbidden_topics,
                                              custom_phrases, changed_at)
                VALUES (:org, :live, :level, :triggers, :topics, :phrases, :changedAt)
                ON CONFLICT (org_id) DO UPDATE SET live_handoff_enabled = EXCLUDED.live_handoff_enabled,
                    level = EXCLUDED.level, active_triggers = EXCLUDED.active_triggers,
                    forbidden_topics = EXCLUDED.forbidden_topics, custom_phrases = EXCLUDED.custom_phrases,
                    changed_at = EXCLUDED.changed_at
                WHERE handoff_settings.changed_at <= EXCLUDED.changed_at""")
            .bind("org", changed.orgId())
            .bind("live", changed.liveHandoffEnabled())
            .bind("level", changed.level())
            .bind("triggers", changed.activeTriggers().stream().map(Enum::name).sorted().toArray(String[]::new))
            .bind("topics", changed.forbiddenTopics().toArray(String[]::new))
            .bind("phrases", changed.customPhrases().toArray(String[]::new))
            .bind("changedAt", changed.changedAt() == null ? java.time.Instant.now() : changed.changedAt())
            .then();
    }

    private static TriggerSettings toSettings(Readable row) {
        Set<HandoffTrigger> triggers = EnumSet.noneOf(HandoffTrigger.class);
        for (String name : strings(row, "active_triggers")) {
            try {
                triggers.add(HandoffTrigger.valueOf(name));
            }
            catch (IllegalArgumentException ignored) {
                // a trigger this version does not know: nothing to detect
            }
        }
        return new TriggerSettings(Boolean.TRUE.equals(row.get("live_handoff_enabled", Boolean.class)), triggers,
                strings(row, "forbidden_topics"), strings(row, "custom_phrases"));
    }

    private static List<String> strings(Readable row, String column) {
        String[] values = row.get(column, String[].class);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
