package com.supportchat.handoff.record;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.MessageReceived;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts conversation progress for the policy and spots the first human reply. */
@Component
class MessageReceivedListener {

    private final InboundEvents inbound;
    private final HandoffService handoffs;

    MessageReceivedListener(InboundEvents inbound, HandoffService handoffs) {
        this.inbound = inbound;
        this.handoffs = handoffs;
    }

    @KafkaListener(topics = Topics.MESSAGE_RECEIVED, groupId = "handoff-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "handoff.message-received", event -> handoffs.messageReceived(event.data(MessageReceived.class)));
    }
}
