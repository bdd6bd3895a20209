package com.supportchat.conversation.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.conversation.stream.LiveEntry;
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
 * <p>
 * An entry's event is rendered once per view and shared by every stream showing that view (all operator streams of
 * the org; the widget streams with the same operator label), through {@link LiveEntry#render}. Its data is the JSON
 * text as a {@code String}, which Spring's SSE writer writes as it is: serialised here once by the application's
 * {@link JsonMapper}, the one the writer's JSON encoder would otherwise use for every stream, so the bytes on the
 * wire are the same (the mapper does not indent: the text has no line break for the writer to split into several
 * {@code data:} lines).
 */
@Component
class EventStreams {

    private static final ServerSentEvent<Object> KEEP_ALIVE = ServerSentEvent.builder().comment("keep-alive").build();
    // The first comment commits the response headers at once, so clients and proxies see the stream open.
    private static final ServerSentEvent<Object> OPENED = ServerSentEvent.builder().comment("connected")
        .retry(Duration.ofSeconds(2)).build();
    // what every operator stream renders: the same view, whatever the stream
    private static final Object OPERATOR_VIEW = new Object();

    private final LiveUpdates live;
    private final ConversationService conversations;
    private final StreamProperties properties;
    private final JsonMapper json;

    EventStreams(LiveUpdates live, ConversationService conversations, StreamProperties properties, JsonMapper json) {
        this.live = live;
        this.conversations = conversations;
        this.properties = properties;
        this.json = json;
    }

    Flux<ServerSentEvent<Object>> conversation(Conversation c, long afterSeq, String operatorLabel) {
        AtomicLong last = new AtomicLong(afterSeq);
        // deferred: the live flux keeps its sources for the life of the stream; the query (its statement and
        // bindings) is built only when the replay runs, and dropped when it ends
        Flux<Entry> replay = Flux.defer(() -> conversations.entriesAfter(c, afterSeq, properties.replayLimit()));
        WidgetView view = new WidgetView(operatorLabel);
        Function<Entry, ServerSentEvent<Object>> render = e -> event(Long.toString(e.seq()), e, operatorLabel);
        return live.conversation(c.id(), replay)
            .filter(e -> {
                if (e == LiveUpdates.HEARTBEAT) {
                    return true;
                }
                long seq = e.entry().seq();
                if (seq <= last.get()) {
                    return false;
                }
                last.set(seq);
                return true;
            })
            .map(e -> e == LiveUpdates.HEARTBEAT ? KEEP_ALIVE : e.render(view, render))
            .startWith(OPENED);
    }

    Flux<ServerSentEvent<Object>> org(String orgId) {
        return live.org(orgId)
            .map(e -> e == LiveUpdates.HEARTBEAT ? KEEP_ALIVE : e.render(OPERATOR_VIEW, this::operatorEvent))
            .startWith(OPENED);
    }

    private ServerSentEvent<Object> operatorEvent(Entry e) {
        return event(e.conversationId() + ":" + e.seq(), e, null);
    }

    private ServerSentEvent<Object> event(String id, Entry e, String operatorLabel) {
        return ServerSentEvent.<Object>builder(json.writeValueAsString(Views.MessageView.of(e, operatorLabel)))
            .id(id)
            .event(e.kind().eventName())
            .build();
    }

    /** The widget's view of entries depends on the label that stands in for operators' names. */
    private record WidgetView(String operatorLabel) {
    }
}
