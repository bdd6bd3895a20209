package com.supportchat.handoff.record;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffRequested;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Decides each handoff request once. */
@Component
class HandoffRequestedListener {

    private final InboundEvents inbound;
    private final HandoffService handoffs;

    HandoffRequestedListener(InboundEvents inbound, HandoffService handoffs) {
        this.inbound = inbound;
        this.handoffs = handoffs;
    }

    @KafkaListener(topics = Topics.HANDOFF_REQUESTED, groupId = "handoff-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "handoff.handoff-requested", event -> handoffs.decide(event.data(HandoffRequested.class), event.id()));
    }
}
