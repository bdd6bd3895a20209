package com.supportchat.conversation.feedback;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Parameters;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.Conversation;
import com.supportchat.conversation.thread.ConversationRepository;
import com.supportchat.conversation.thread.EntryKind;
import com.supportchat.conversation.thread.IllegalTransitionException;
import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Records feedback: "was this helpful?" on an AI answer (one vote per answer; voting again changes it)
 * and the CSAT rating once the conversation is resolved (one per conversation; rating again changes it).
 */
@Service
public class FeedbackService {

    private final DatabaseClient db;
    private final ConversationRepository conversations;

    public FeedbackService(DatabaseClient db, ConversationRepository conversations) {
        this.db = db;
        this.conversations = conversations;
    }

    public Mono<Feedback> helpful(Conversation c, UUID messageId, boolean helpful) {
        return conversations.findMessage(c.orgId(), c.id(), messageId)
            .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("messageId is not a message of this conversation")))
            .flatMap(message -> {
                if (message.kind() != EntryKind.MESSAGE || message.authorType() != AuthorType.AI) {
                    return Mono.error(new IllegalArgumentException("only AI answers take helpful / not helpful feedback"));
                }
                Feedback feedback = new Feedback(UUID.randomUUID(), c.id(), messageId, helpful, null, null, Instant.now());
                return db.sql("""
                        INSERT INTO feedback (id, org_id, conversation_id, message_id, helpful, created_at)
                        VALUES (:id, :org, :cid, :mid, :helpful, :at)
                        ON CONFLICT (conversation_id, message_id) WHERE message_id IS NOT NULL
                        DO UPDATE SET helpful = :helpful, created_at = :at""")
                    .bind("id", feedback.id())
                    .bind("org", c.orgId())
                    .bind("cid", c.id())
                    .bind("mid", messageId)
                    .bind("helpful", helpful)
                    .bind("at", feedback.createdAt())
                    .then()
                    .thenReturn(feedback);
            });
    }

    public Mono<Feedback> csat(Conversation c, int rating, String comment) {
        if (c.status() != ConversationStatus.RESOLVED) {
            return Mono.error(new IllegalTransitionException("not-resolved",
                    "A satisfaction rating is given after the conversation is resolved."));
        }
        Feedback feedback = new Feedback(UUID.randomUUID(), c.id(), null, null, rating, comment, Instant.now());
        return db.sql("""
                INSERT INTO feedback (id, org_id, conversation_id, rating, comment, created_at)
                VALUES (:id, :org, :cid, :rating, :comment, :at)
                ON CONFLICT (conversation_id) WHERE rating IS NOT NULL
                DO UPDATE SET rating = :rating, comment = :comment, created_at = :at""")
            .bind("id", feedback.id())
            .bind("org", c.orgId())
            .bind("cid", c.id())
            .bind("rating", rating)
            .bind("comment", comment == null ? Parameters.in(String.class) : comment)
            .bind("at", feedback.createdAt())
            .then()
            .thenReturn(feedback);
    }

    /** A piece of feedback as stored. */
    public record Feedback(UUID id, UUID conversationId, UUID messageId, Boolean helpful, Integer rating, String comment,
            Instant createdAt) {
    }
}
