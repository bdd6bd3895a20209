package com.supportchat.conversation.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.customer.CustomerRepository;
import com.supportchat.events.Topics;
import com.supportchat.events.VisitorIdentified;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class VisitorIdentifiedListener {

    private final InboundEvents inbound;
    private final CustomerRepository customers;

    VisitorIdentifiedListener(InboundEvents inbound, CustomerRepository customers) {
        this.inbound = inbound;
        this.customers = customers;
    }

    @KafkaListener(topics = Topics.VISITOR_IDENTIFIED, groupId = "conversation-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "conversation.visitor-identified",
                event -> customers.upsert(event.data(VisitorIdentified.class)));
    }
}
