package com.supportchat.ai.conversation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** ESCALATED silences the AI; back to UNRESOLVED (an operator released it) gives it the conversation again. */
@Component
class ConversationStatusChangedListener {

    private final InboundEvents inbound;
    private final VisitorMessageService service;

    ConversationStatusChangedListener(InboundEvents inbound, VisitorMessageService service) {
        this.inbound = inbound;
        this.service = service;
    }

    @KafkaListener(topics = Topics.CONVERSATION_STATUS_CHANGED, groupId = "ai-responder-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "ai-responder.conversation-status-changed", event -> changed(event.data(ConversationStatusChanged.class)));
    }

    private Mono<Void> changed(ConversationStatusChanged changed) {
        return changed.to() == null ? Mono.empty()
                : service.onStatusChanged(changed.conversationId(), changed.orgId(), changed.to(), changed.occurredAt());
    }
}
