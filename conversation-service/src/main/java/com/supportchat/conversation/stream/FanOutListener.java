package com.supportchat.conversation.stream;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationRepository;
import com.supportchat.conversation.thread.Entry;
import com.supportchat.conversation.thread.EntryKind;
import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.Topics;
import com.supportchat.messaging.IncomingEvent;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds this instance's live streams from the three topics that number thread entries. A message event
 * carries its entry; status and assignment entries (rare) are read from the database by their seq. The group id is
 * unique per instance (every instance sees every event) and starts at the latest offset: streams replay
 * what happened before from the database, not from Kafka.
 */
@Component
class FanOutListener {

    private final InboundEvents inbound;
    private final ConversationRepository conversations;
    private final LiveUpdates live;

    FanOutListener(InboundEvents inbound, ConversationRepository conversations, LiveUpdates live) {
        this.inbound = inbound;
        this.conversations = conversations;
        this.live = live;
    }

    @KafkaListener(topics = { Topics.MESSAGE_RECEIVED, Topics.CONVERSATION_STATUS_CHANGED, Topics.CONVERSATION_ASSIGNED },
            groupId = "conversation-stream-${supportchat.stream.instance-id:${random.uuid}}",
            properties = "auto.offset.reset=latest")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.observe(record, "conversation.fan-out", this::push);
    }

    private Mono<Void> push(IncomingEvent event) {
        EntryRef ref = switch (event.type()) {
            case MessageReceived.TYPE -> {
                MessageReceived m = event.data(MessageReceived.class);
                if (m.data() != null) {
                    // the event carries the whole entry: no database read per message
                    live.publish(new Entry(UUID.fromString(m.messageId()), m.orgId(), UUID.fromString(m.conversationId()),
                            m.seq(), EntryKind.MESSAGE, m.authorType(), m.authorId(), m.authorName(), m.text(), m.data(),
                            m.clientMessageId(), m.createdAt()));
                    yield null;
                }
                yield new EntryRef(m.orgId(), m.conversationId(), m.seq());
            }
            case ConversationStatusChanged.TYPE -> {
                ConversationStatusChanged s = event.data(ConversationStatusChanged.class);
                yield new EntryRef(s.orgId(), s.conversationId(), s.seq());
            }
            case ConversationAssigned.TYPE -> {
                ConversationAssigned a = event.data(ConversationAssigned.class);
                yield new EntryRef(a.orgId(), a.conversationId(), a.seq());
            }
            default -> null;
        };
        if (ref == null) {
            return Mono.empty();
        }
        return conversations.findEntry(ref.orgId(), UUID.fromString(ref.conversationId()), ref.seq())
            .doOnNext(live::publish)
            .then();
    }

    private record EntryRef(String orgId, String conversationId, long seq) {
    }
}
