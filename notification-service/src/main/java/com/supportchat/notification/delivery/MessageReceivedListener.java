package com.supportchat.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.MessageReceived;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps recent messages for emails, notices operator replies, and notifies on visitor messages in escalated conversations. */
@Component
class MessageReceivedListener {

    private final InboundEvents inbound;
    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;

    MessageReceivedListener(InboundEvents inbound, Notifier notifier, DeliveryDispatcher dispatcher) {
        this.inbound = inbound;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.MESSAGE_RECEIVED, groupId = "notification-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "notification.message-received", event -> notifier.messageReceived(event.data(MessageReceived.class), event.id()))
            .doOnTerminate(dispatcher::wakeUp);
    }
}
