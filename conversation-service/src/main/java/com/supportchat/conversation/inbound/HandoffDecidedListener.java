package com.supportchat.conversation.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class HandoffDecidedListener {

    private final InboundEvents inbound;
    private final ConversationService conversations;

    HandoffDecidedListener(InboundEvents inbound, ConversationService conversations) {
        this.inbound = inbound;
        this.conversations = conversations;
    }

    @KafkaListener(topics = Topics.HANDOFF_DECIDED, groupId = "conversation-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "conversation.handoff-decided", event -> conversations.applyHandoffDecision(event.data(HandoffDecided.class)));
    }
}
