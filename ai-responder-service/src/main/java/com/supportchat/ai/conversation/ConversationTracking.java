package com.supportchat.ai.conversation;

import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationStatus;
import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/**
 * The AI's view of each conversation: its messages, and whether the AI is responsible for it. Batched with the rest of
 * a poll: a reaction without a model call writes only through the transaction (outbox, context), and a reply that
 * waits for a model is handed to the {@link ReplyWorker} only after the commit ({@link ReplyJobStore}).
 */
@Component
class ConversationTracking {

    private final VisitorMessageService service;

    ConversationTracking(VisitorMessageService service) {
        this.service = service;
    }

    /** Every message is remembered (history for the model and summaries); visitor messages on UNRESOLVED conversations get the AI's reaction. */
    @EventHandler(topic = Topics.MESSAGE_RECEIVED, consumer = "ai-responder.message-received")
    Mono<Void> messageReceived(MessageReceived message) {
        return service.onMessage(message);
    }

    /** ESCALATED silences the AI; back to UNRESOLVED (an operator released it) gives it the conversation again. */
    @EventHandler(topic = Topics.CONVERSATION_STATUS_CHANGED, consumer = "ai-responder.conversation-status-changed")
    Mono<Void> statusChanged(ConversationStatusChanged changed) {
        return changed.to() == null ? Mono.empty()
                : service.onStatusChanged(changed.conversationId(), changed.orgId(), changed.to(), changed.occurredAt());
    }

    /** Accepted: the AI falls silent. Declined: the AI keeps the conversation (conversation-service posts the decline text). */
    @EventHandler(topic = Topics.HANDOFF_DECIDED, consumer = "ai-responder.handoff-decided")
    Mono<Void> handoffDecided(HandoffDecided decision) {
        return service.onHandoffDecided(decision);
    }

    /** A resolved conversation is closed for the AI for good. */
    @EventHandler(topic = Topics.SESSION_RESOLVED, consumer = "ai-responder.session-resolved")
    Mono<Void> sessionResolved(SessionResolved resolved) {
        return service.onStatusChanged(resolved.conversationId(), resolved.orgId(), ConversationStatus.RESOLVED,
                resolved.resolvedAt());
    }
}
