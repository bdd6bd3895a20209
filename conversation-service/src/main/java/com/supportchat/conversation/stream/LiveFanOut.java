package com.supportchat.conversation.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationRepository;
import com.supportchat.conversation.thread.Entry;
import com.supportchat.conversation.thread.EntryKind;
import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/**
 * Feeds this instance's live streams from the three topics that number thread entries. A message event
 * carries its entry; status and assignment entries (rare) are read from the database by their seq. The group id is
 * unique per instance (every instance sees every event) and starts at the latest offset: streams replay
 * what happened before from the database, not from Kafka. Observed, not applied exactly once: the processed-event
 * record is shared by all instances through the database, and each of them must push every entry.
 */
@Component
class LiveFanOut {

    /** One group per instance, shared by the three handlers: one consumer keeps a conversation's entries in one queue. */
    private static final String INSTANCE_GROUP = "conversation-stream-${supportchat.stream.instance-id:${random.uuid}}";
    private static final String FROM_LATEST = "auto.offset.reset=latest";
    private static final String CONSUMER = "conversation.fan-out";

    /** Conversations whose last published seq this instance remembers (the least recently active are forgotten). */
    static final int REMEMBERED = 100_000;

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

    LiveFanOut(ConversationRepository conversations, LiveUpdates live) {
        this.conversations = conversations;
        this.live = live;
    }

    @EventHandler(topic = Topics.MESSAGE_RECEIVED, consumer = CONSUMER, group = INSTANCE_GROUP,
            properties = FROM_LATEST, observe = true)
    Mono<Void> messageReceived(MessageReceived m) {
        // the event carries the whole entry: no database read per message
        Entry carried = m.data() == null ? null
                : new Entry(UUID.fromString(m.messageId()), m.orgId(), UUID.fromString(m.conversationId()), m.seq(),
                        EntryKind.MESSAGE, m.authorType(), m.authorId(), m.authorName(), m.text(), m.data(),
                        m.clientMessageId(), m.createdAt());
        return push(new EntryRef(m.orgId(), m.conversationId(), m.seq(), carried));
    }

    @EventHandler(topic = Topics.CONVERSATION_STATUS_CHANGED, consumer = CONSUMER, group = INSTANCE_GROUP,
            properties = FROM_LATEST, observe = true)
    Mono<Void> statusChanged(ConversationStatusChanged s) {
        return push(new EntryRef(s.orgId(), s.conversationId(), s.seq(), null));
    }

    @EventHandler(topic = Topics.CONVERSATION_ASSIGNED, consumer = CONSUMER, group = INSTANCE_GROUP,
            properties = FROM_LATEST, observe = true)
    Mono<Void> assigned(ConversationAssigned a) {
        return push(new EntryRef(a.orgId(), a.conversationId(), a.seq(), null));
    }

    private Mono<Void> push(EntryRef ref) {
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
