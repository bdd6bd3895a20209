package com.supportchat.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A resolved conversation needs no more reminders. */
@Component
class SessionResolvedListener {

    private final InboundEvents inbound;
    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;

    SessionResolvedListener(InboundEvents inbound, Notifier notifier, DeliveryDispatcher dispatcher) {
        this.inbound = inbound;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.SESSION_RESOLVED, groupId = "notification-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "notification.session-resolved", event -> notifier.answered(event.data(SessionResolved.class).conversationId()))
            .doOnTerminate(dispatcher::wakeUp);
    }
}
