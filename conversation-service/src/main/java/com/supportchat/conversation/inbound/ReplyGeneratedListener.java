package com.supportchat.conversation.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.events.ReplyGenerated;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ReplyGeneratedListener {

    private final InboundEvents inbound;
    private final ConversationService conversations;

    ReplyGeneratedListener(InboundEvents inbound, ConversationService conversations) {
        this.inbound = inbound;
        this.conversations = conversations;
    }

    @KafkaListener(topics = Topics.REPLY_GENERATED, groupId = "conversation-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "conversation.reply-generated", event -> conversations.applyReply(event.data(ReplyGenerated.class)));
    }
}
