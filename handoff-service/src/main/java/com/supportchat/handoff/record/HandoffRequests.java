package com.supportchat.handoff.record;

import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffRequested;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;
import com.supportchat.messaging.IncomingEvent;

import org.springframework.stereotype.Component;

/** Decides each handoff request once. */
@Component
class HandoffRequests {

    private final HandoffService handoffs;

    HandoffRequests(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @EventHandler(topic = Topics.HANDOFF_REQUESTED, consumer = "handoff.handoff-requested")
    Mono<Void> handoffRequested(HandoffRequested request, IncomingEvent envelope) {
        return handoffs.decide(request, envelope.id());
    }
}
