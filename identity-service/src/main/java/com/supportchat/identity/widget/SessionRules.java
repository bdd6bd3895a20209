package com.supportchat.identity.widget;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.supportchat.events.WidgetSettingsChanged;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The org's widget session rules, a copy of what conversation-service published; an org that never
 * changed them has the product's defaults.
 */
@Repository
class SessionRules {

    /** The defaults of the product brief, as conversation-service has them. */
    static final Rules DEFAULTS = new Rules(true, true, false, false, true, null);

    private final DatabaseClient db;

    SessionRules(DatabaseClient db) {
        this.db = db;
    }

    Mono<Rules> find(UUID orgId) {
        return db.sql("SELECT * FROM session_rules WHERE org_id = :org")
            .bind("org", orgId)
            .map(row -> new Rules(row.get("allow_multiple_open", Boolean.class),
                    row.get("show_conversation_list", Boolean.class), row.get("first_time_straight_to_chat", Boolean.class),
                    row.get("visitor_can_close", Boolean.class), row.get("helpful_prompt", Boolean.class),
                    row.get("operator_label", String.class)))
            .one()
            .defaultIfEmpty(DEFAULTS);
    }

    /** Keeps the newest copy: an older event arriving late does not overwrite a newer one. */
    Mono<Void> apply(WidgetSettingsChanged changed) {
        return db.sql("""
                INSERT INTO session_rules (org_id, allow_multiple_open, show_conversation_list,
                    first_time_straight_to_chat, visitor_can_close, helpful_prompt, operator_label, changed_at)
                VALUES (:org, :multiple, :list, :straight, :close, :helpful, :label, :at)
                ON CONFLICT (org_id) DO UPDATE SET allow_multiple_open = :multiple, show_conversation_list = :list,
                    first_time_straight_to_chat = :straight, visitor_can_close = :close, helpful_prompt = :helpful,
                    operator_label = :label, changed_at = :at
                WHERE session_rules.changed_at <= :at""")
            .bind("org", UUID.fromString(changed.orgId()))
            .bind("multiple", changed.allowMultipleOpen())
            .bind("list", changed.showConversationList())
            .bind("straight", changed.firstTimeStraightToChat())
            .bind("close", changed.visitorCanClose())
            .bind("helpful", changed.helpfulPrompt())
            .bind("label", changed.operatorLabel())
            .bind("at", changed.changedAt() == null ? Instant.now() : changed.changedAt())
            .then();
    }

    /** Session rules; {@code operatorLabel} null means "the org's default label". */
    record Rules(boolean allowMultipleOpen, boolean showConversationList, boolean firstTimeStraightToChat,
            boolean visitorCanClose, boolean helpfulPrompt, String operatorLabel) {
    }
}
