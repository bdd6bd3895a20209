package com.supportchat.conversation.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;

import com.supportchat.conversation.stream.LiveUpdates;
import com.supportchat.conversation.stream.StreamProperties;
import com.supportchat.conversation.thread.Conversation;
import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.conversation.thread.Entry;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

/**
 * Builds the Server-Sent Events streams: the widget's per conversation (ids are seq numbers, resumable
 * with Last-Event-ID) and the operators' per org (ids are {@code conversationId:seq}). Keep-alive comments
 * come from {@link LiveUpdates}' shared heartbeat.
 */
@Component
class EventStreams {

    private static final ServerSentEvent<Object> KEEP_ALIVE = ServerSentEvent.builder().comment("keep-alive").build();
    // The first comment commits the response headers at once, so clients and proxies see the stream open.
    private static final ServerSentEvent<Object> OPENED = ServerSentEvent.builder().comment("connected")
        .retry(Duration.ofSeconds(2)).build();

    private final LiveUpdates live;
    private final ConversationService conversations;
    private final StreamProperties properties;

    EventStreams(LiveUpdates live, ConversationService conversations, StreamProperties properties) {
        this.live = live;
        this.conversations = conversations;
        this.properties = properties;
    }

    Flux<ServerSentEvent<Object>> conversation(Conversation c, long afterSeq, String operatorLabel) {
        AtomicLong last = new AtomicLong(afterSeq);
        Flux<Entry> replay = conversations.entriesAfter(c, afterSeq, properties.replayLimit());
        return live.conversation(c.id(), replay)
            .filter(e -> {
                if (e == LiveUpdates.HEARTBEAT) {
                    return true;
                }
                if (e.seq() <= last.get()) {
                    return false;
                }
                last.set(e.seq());
                return true;
            })
            .map(e -> e == LiveUpdates.HEARTBEAT ? KEEP_ALIVE : ServerSentEvent.<Object>builder(
                    Views.MessageView.of(e, operatorLabel))
                .id(Long.toString(e.seq()))
                .event(e.kind().eventName())
                .build())
            .startWith(OPENED);
    }

    Flux<ServerSentEvent<Object>> org(String orgId) {
        return live.org(orgId)
            .map(e -> e == LiveUpdates.HEARTBEAT ? KEEP_ALIVE : ServerSentEvent.<Object>builder(Views.MessageView.of(e, null))
                .id(e.conversationId() + ":" + e.seq())
                .event(e.kind().eventName())
                .build())
            .startWith(OPENED);
    }
}
