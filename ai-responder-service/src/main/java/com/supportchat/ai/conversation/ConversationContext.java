package com.supportchat.ai.conversation;

import java.time.Duration;
import java.time.Instant;

import com.supportchat.events.ConversationStatus;

/**
 * What the AI knows about one conversation. A handoff it requested is "pending" until handoff-service decides;
 * the AI stays silent meanwhile, but not forever: a request older than {@code pendingFor} no longer counts.
 */
record ConversationContext(String conversationId, String orgId, ConversationStatus status, int consecutiveFailures,
        Instant handoffRequestedAt, Instant handoffDeclinedAt) {

    boolean silent(Instant now, Duration pendingFor) {
        return status != ConversationStatus.UNRESOLVED || handoffPending(now, pendingFor);
    }

    boolean handoffPending(Instant now, Duration pendingFor) {
        return handoffRequestedAt != null
                && (handoffDeclinedAt == null || handoffDeclinedAt.isBefore(handoffRequestedAt))
                && handoffRequestedAt.plus(pendingFor).isAfter(now);
    }

    /** After a decline the AI keeps the conversation and does not ask again on its own for a while. */
    boolean recentlyDeclined(Instant now, Duration quietFor) {
        return handoffDeclinedAt != null && handoffDeclinedAt.plus(quietFor).isAfter(now);
    }
}
