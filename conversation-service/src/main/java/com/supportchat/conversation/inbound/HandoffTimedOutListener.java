package com.supportchat.conversation.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.events.HandoffTimedOut;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class HandoffTimedOutListener {

    private final InboundEvents inbound;
    private final ConversationService conversations;

    HandoffTimedOutListener(InboundEvents inbound, ConversationService conversations) {
        this.inbound = inbound;
        this.conversations = conversations;
    }

    @KafkaListener(topics = Topics.HANDOFF_TIMED_OUT, groupId = "conversation-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "conversation.handoff-timed-out",
                event -> conversations.applyHandoffTimeout(event.data(HandoffTimedOut.class)));
    }
}
