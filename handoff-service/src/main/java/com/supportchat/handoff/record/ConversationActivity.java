package com.supportchat.handoff.record;

import java.time.Instant;

import reactor.core.publisher.Mono;

import com.supportchat.events.AuthorType;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * What handoff-service knows about a conversation's progress, for the policy: visitor messages and AI
 * replies counted from {@code message-received}, and whether the visitor's email is known from
 * {@code visitor-identified}. Counts are what has arrived so far; the request's own triggering message may
 * still be in flight on the other topic, which only ever makes the policy a little more patient.
 */
@Repository
class ConversationActivity {

    record Progress(int visitorMessages, int aiReplies, boolean visitorEmailKnown) {
    }

    private final DatabaseClient db;

    ConversationActivity(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> count(String conversationId, String orgId, AuthorType author, String authorId, Instant at) {
        int visitor = author == AuthorType.VISITOR ? 1 : 0;
        int ai = author == AuthorType.AI ? 1 : 0;
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO conversation_activity (conversation_id, org_id, visitor_id, visitor_messages, ai_replies, updated_at)
                VALUES (:c, :org, :visitor, :v, :ai, :at)
                ON CONFLICT (conversation_id) DO UPDATE SET
                    visitor_messages = conversation_activity.visitor_messages + EXCLUDED.visitor_messages,
                    ai_replies = conversation_activity.ai_replies + EXCLUDED.ai_replies,
                    visitor_id = COALESCE(EXCLUDED.visitor_id, conversation_activity.visitor_id),
                    updated_at = EXCLUDED.updated_at""")
            .bind("c", conversationId)
            .bind("org", orgId)
            .bind("v", visitor)
            .bind("ai", ai)
            .bind("at", at);
        spec = visitor == 1 && authorId != null ? spec.bind("visitor", authorId) : spec.bindNull("visitor", String.class);
        return spec.then();
    }

    Mono<Void> emailKnown(String orgId, String visitorKey) {
        return db.sql("INSERT INTO known_visitor (org_id, visitor_key) VALUES (:org, :key) ON CONFLICT DO NOTHING")
            .bind("org", orgId)
            .bind("key", visitorKey)
            .then();
    }

    Mono<Progress> progress(String conversationId) {
        return db.sql("""
                SELECT a.visitor_messages, a.ai_replies,
                    EXISTS (SELECT 1 FROM known_visitor k WHERE k.org_id = a.org_id
                        AND (k.visitor_key = a.visitor_id OR k.visitor_key = 'visitor:' || a.visitor_id)) AS known
                FROM conversation_activity a WHERE a.conversation_id = :c""")
            .bind("c", conversationId)
            .map(row -> new Progress(row.get("visitor_messages", Integer.class), row.get("ai_replies", Integer.class),
                    Boolean.TRUE.equals(row.get("known", Boolean.class))))
            .one()
            .defaultIfEmpty(new Progress(0, 0, false));
    }
}
