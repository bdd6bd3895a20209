package com.supportchat.conversation.settings;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Session rules per org; an org without a row has the defaults. */
@Repository
public class WidgetSettingsRepository {

    private final DatabaseClient db;

    public WidgetSettingsRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<WidgetSettings> find(String orgId) {
        return db.sql("SELECT * FROM widget_settings WHERE org_id = :org")
            .bind("org", orgId)
            .map(row -> new WidgetSettings(row.get("allow_multiple_open", Boolean.class),
                    row.get("show_conversation_list", Boolean.class), row.get("first_time_straight_to_chat", Boolean.class),
                    row.get("visitor_can_close", Boolean.class), row.get("helpful_prompt", Boolean.class),
                    row.get("operator_label", String.class)))
            .one()
            .defaultIfEmpty(WidgetSettings.DEFAULTS);
    }

    public Mono<WidgetSettings> save(String orgId, WidgetSettings s) {
        return db.sql("""
                INSERT INTO widget_settings (org_id, allow_multiple_open, show_conversation_list,
                    first_time_straight_to_chat, visitor_can_close, helpful_prompt, operator_label, updated_at)
                VALUES (:org, :multiple, :list, :straight, :close, :helpful, :label, :now)
                ON CONFLICT (org_id) DO UPDATE SET allow_multiple_open = :multiple, show_conversation_list = :list,
                    first_time_straight_to_chat = :straight, visitor_can_close = :close, helpful_prompt = :helpful,
                    operator_label = :label, updated_at = :now""")
            .bind("org", orgId)
            .bind("multiple", s.allowMultipleOpen())
            .bind("list", s.showConversationList())
            .bind("straight", s.firstTimeStraightToChat())
            .bind("close", s.visitorCanClose())
            .bind("helpful", s.helpfulPrompt())
            .bind("label", s.operatorLabel().strip())
            .bind("now", Instant.now())
            .then()
            .thenReturn(s);
    }
}
