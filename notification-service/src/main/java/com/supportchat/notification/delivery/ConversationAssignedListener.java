package com.supportchat.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A claimed conversation has a human: its handoff needs no more reminders. */
@Component
class ConversationAssignedListener {

    private final InboundEvents inbound;
    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;

    ConversationAssignedListener(InboundEvents inbound, Notifier notifier, DeliveryDispatcher dispatcher) {
        this.inbound = inbound;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.CONVERSATION_ASSIGNED, groupId = "notification-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "notification.conversation-assigned", event -> claimed(event.data(ConversationAssigned.class)))
            .doOnTerminate(dispatcher::wakeUp);
    }

    private Mono<Void> claimed(ConversationAssigned assigned) {
        return assigned.operatorId() == null ? Mono.empty() : notifier.answered(assigned.conversationId());
    }
}
