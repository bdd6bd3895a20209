package com.supportchat.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffDecided;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Accepted handoffs become notifications, planned once per event. */
@Component
class HandoffDecidedListener {

    private final InboundEvents inbound;
    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;

    HandoffDecidedListener(InboundEvents inbound, Notifier notifier, DeliveryDispatcher dispatcher) {
        this.inbound = inbound;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.HANDOFF_DECIDED, groupId = "notification-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "notification.handoff-decided", event -> notifier.handoffDecided(event.data(HandoffDecided.class), event.id()))
            .doOnTerminate(dispatcher::wakeUp);
    }
}
