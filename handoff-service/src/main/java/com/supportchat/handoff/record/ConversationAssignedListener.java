package com.supportchat.handoff.record;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Claims and releases of conversations move the open handoff along. */
@Component
class ConversationAssignedListener {

    private final InboundEvents inbound;
    private final HandoffService handoffs;

    ConversationAssignedListener(InboundEvents inbound, HandoffService handoffs) {
        this.inbound = inbound;
        this.handoffs = handoffs;
    }

    @KafkaListener(topics = Topics.CONVERSATION_ASSIGNED, groupId = "handoff-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "handoff.conversation-assigned", event -> handoffs.assigned(event.data(ConversationAssigned.class)));
    }
}
