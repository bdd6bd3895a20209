package com.supportchat.ai.conversation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffDecided;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Accepted: the AI falls silent. Declined: the AI keeps the conversation (conversation-service posts the decline text). */
@Component
class HandoffDecidedListener {

    private final InboundEvents inbound;
    private final VisitorMessageService service;

    HandoffDecidedListener(InboundEvents inbound, VisitorMessageService service) {
        this.inbound = inbound;
        this.service = service;
    }

    @KafkaListener(topics = Topics.HANDOFF_DECIDED, groupId = "ai-responder-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "ai-responder.handoff-decided", event -> service.onHandoffDecided(event.data(HandoffDecided.class)));
    }
}
