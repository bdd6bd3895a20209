package com.supportchat.ai.conversation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.MessageReceived;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every message is remembered (history for the model and summaries); visitor messages on UNRESOLVED conversations get the AI's reaction. */
@Component
class MessageReceivedListener {

    private final InboundEvents inbound;
    private final VisitorMessageService service;

    MessageReceivedListener(InboundEvents inbound, VisitorMessageService service) {
        this.inbound = inbound;
        this.service = service;
    }

    @KafkaListener(topics = Topics.MESSAGE_RECEIVED, groupId = "ai-responder-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "ai-responder.message-received", event -> service.onMessage(event.data(MessageReceived.class)));
    }
}
