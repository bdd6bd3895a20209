package com.supportchat.conversation.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Flux;
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

    /** Conversations whose last published seq this instance remembers (the least recently active are forgotten). */
    static final int REMEMBERED = 100_000;

    private final InboundEvents inbound;
    private final ConversationRepository conversations;
    private final LiveUpdates live;
    /**
     * The last seq published per conversation. The three topics are consumed together but Kafka orders records only
     * within a partition of one topic: a claim's status entry can arrive after its assignment entry. Streams resume
     * after the last seq a client saw, so an entry published after a later one would be lost to it. An entry that
     * arrives past a gap is published with the missing ones, read from the database in thread order; one that arrives
     * after it was published that way is dropped. Records of one conversation are handled one at a time (same key).
     */
    private final Map<String, Long> lastPublished = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > REMEMBERED;
                }
            });

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
                // the event carries the whole entry: no database read per message
                Entry carried = m.data() == null ? null
                        : new Entry(UUID.fromString(m.messageId()), m.orgId(), UUID.fromString(m.conversationId()),
                                m.seq(), EntryKind.MESSAGE, m.authorType(), m.authorId(), m.authorName(), m.text(), m.data(),
                                m.clientMessageId(), m.createdAt());
                yield new EntryRef(m.orgId(), m.conversationId(), m.seq(), carried);
            }
            case ConversationStatusChanged.TYPE -> {
                ConversationStatusChanged s = event.data(ConversationStatusChanged.class);
                yield new EntryRef(s.orgId(), s.conversationId(), s.seq(), null);
            }
            case ConversationAssigned.TYPE -> {
                ConversationAssigned a = event.data(ConversationAssigned.class);
                yield new EntryRef(a.orgId(), a.conversationId(), a.seq(), null);
            }
            default -> null;
        };
        if (ref == null) {
            return Mono.empty();
        }
        Long last = lastPublished.get(ref.conversationId());
        if (last != null && ref.seq() <= last) {
            return Mono.empty();
        }
        UUID conversationId = UUID.fromString(ref.conversationId());
        Flux<Entry> entries;
        if (last != null && ref.seq() > last + 1) {
            entries = conversations.entriesAfter(ref.orgId(), conversationId, last, (int) Math.min(ref.seq() - last, 1000));
        }
        else if (ref.carried() != null) {
            entries = Flux.just(ref.carried());
        }
        else {
            entries = conversations.findEntry(ref.orgId(), conversationId, ref.seq()).flux();
        }
        return entries.doOnNext(entry -> {
            live.publish(entry);
            lastPublished.merge(ref.conversationId(), entry.seq(), Math::max);
        }).then();
    }

    /** Where an entry is, and the entry itself when the event carries it. */
    private record EntryRef(String orgId, String conversationId, long seq, Entry carried) {
    }
}
