package com.supportchat.handoff.record;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A closed conversation ends its open handoff (resolved, or abandoned while still waiting). */
@Component
class SessionResolvedListener {

    private final InboundEvents inbound;
    private final HandoffService handoffs;

    SessionResolvedListener(InboundEvents inbound, HandoffService handoffs) {
        this.inbound = inbound;
        this.handoffs = handoffs;
    }

    @KafkaListener(topics = Topics.SESSION_RESOLVED, groupId = "handoff-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "handoff.session-resolved", event -> handoffs.resolved(event.data(SessionResolved.class)));
    }
}
