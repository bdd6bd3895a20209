package com.supportchat.conversation.inbound;

import reactor.core.publisher.Mono;

import com.supportchat.conversation.customer.CustomerRepository;
import com.supportchat.events.Topics;
import com.supportchat.events.VisitorIdentified;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/** Who a visitor is, as identity-service verified it: kept for the inbox and the operator's view. */
@Component
class VisitorIdentities {

    private final CustomerRepository customers;

    VisitorIdentities(CustomerRepository customers) {
        this.customers = customers;
    }

    @EventHandler(topic = Topics.VISITOR_IDENTIFIED, consumer = "conversation.visitor-identified")
    Mono<Void> visitorIdentified(VisitorIdentified identified) {
        return customers.upsert(identified);
    }
}
