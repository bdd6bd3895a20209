package com.supportchat.conversation.inbound;

import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffTimedOut;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/** What handoff-service decided: the conversation is escalated (or not), or its wait for a human timed out. */
@Component
class HandoffOutcomes {

    private final ConversationService conversations;

    HandoffOutcomes(ConversationService conversations) {
        this.conversations = conversations;
    }

    @EventHandler(topic = Topics.HANDOFF_DECIDED, consumer = "conversation.handoff-decided")
    Mono<Void> handoffDecided(HandoffDecided decision) {
        return conversations.applyHandoffDecision(decision);
    }

    @EventHandler(topic = Topics.HANDOFF_TIMED_OUT, consumer = "conversation.handoff-timed-out")
    Mono<Void> handoffTimedOut(HandoffTimedOut timedOut) {
        return conversations.applyHandoffTimeout(timedOut);
    }
}
