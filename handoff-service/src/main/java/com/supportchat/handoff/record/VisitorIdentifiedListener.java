package com.supportchat.handoff.record;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.VisitorIdentified;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns which visitors have a known email, so the policy asks only those who have none. */
@Component
class VisitorIdentifiedListener {

    private final InboundEvents inbound;
    private final HandoffService handoffs;

    VisitorIdentifiedListener(InboundEvents inbound, HandoffService handoffs) {
        this.inbound = inbound;
        this.handoffs = handoffs;
    }

    @KafkaListener(topics = Topics.VISITOR_IDENTIFIED, groupId = "handoff-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "handoff.visitor-identified", event -> handoffs.visitorIdentified(event.data(VisitorIdentified.class)));
    }
}
