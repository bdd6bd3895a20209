package com.supportchat.handoff.record;

import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.events.VisitorIdentified;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/** What happens in a conversation after a handoff moves its record along, and feeds the policy. */
@Component
class ConversationProgress {

    private final HandoffService handoffs;

    ConversationProgress(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    /** Counts conversation progress for the policy and spots the first human reply. */
    @EventHandler(topic = Topics.MESSAGE_RECEIVED, consumer = "handoff.message-received")
    Mono<Void> messageReceived(MessageReceived message) {
        return handoffs.messageReceived(message);
    }

    /** Claims and releases of conversations move the open handoff along. */
    @EventHandler(topic = Topics.CONVERSATION_ASSIGNED, consumer = "handoff.conversation-assigned")
    Mono<Void> conversationAssigned(ConversationAssigned assigned) {
        return handoffs.assigned(assigned);
    }

    /** A closed conversation ends its open handoff (resolved, or abandoned while still waiting). */
    @EventHandler(topic = Topics.SESSION_RESOLVED, consumer = "handoff.session-resolved")
    Mono<Void> sessionResolved(SessionResolved resolved) {
        return handoffs.resolved(resolved);
    }

    /** Learns which visitors have a known email, so the policy asks only those who have none. */
    @EventHandler(topic = Topics.VISITOR_IDENTIFIED, consumer = "handoff.visitor-identified")
    Mono<Void> visitorIdentified(VisitorIdentified identified) {
        return handoffs.visitorIdentified(identified);
    }
}
