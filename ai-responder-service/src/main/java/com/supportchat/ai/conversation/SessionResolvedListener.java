package com.supportchat.ai.conversation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationStatus;
import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A resolved conversation is closed for the AI for good. */
@Component
class SessionResolvedListener {

    private final InboundEvents inbound;
    private final VisitorMessageService service;

    SessionResolvedListener(InboundEvents inbound, VisitorMessageService service) {
        this.inbound = inbound;
        this.service = service;
    }

    @KafkaListener(topics = Topics.SESSION_RESOLVED, groupId = "ai-responder-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "ai-responder.session-resolved", event -> resolved(event.data(SessionResolved.class)));
    }

    private Mono<Void> resolved(SessionResolved resolved) {
        return service.onStatusChanged(resolved.conversationId(), resolved.orgId(), ConversationStatus.RESOLVED,
                resolved.resolvedAt());
    }
}
