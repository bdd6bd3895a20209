package com.supportchat.conversation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.conversation.stream.LiveUpdates;
import com.supportchat.conversation.stream.StreamProperties;
import com.supportchat.conversation.thread.Conversation;
import com.supportchat.conversation.thread.ConversationMother;
import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.conversation.thread.Entry;
import com.supportchat.conversation.thread.EntryKind;
import com.supportchat.events.AuthorType;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamsTest {

    private static final String LABEL = "Support Agent";

    private final AtomicInteger serialisations = new AtomicInteger();
    /** The mapper of the streams, counting the JSON texts it makes. */
    private final JsonMapper json = new JsonMapper(JsonMapper.builder()) {
        @Override
        public String writeValueAsString(Object value) {
            serialisations.incrementAndGet();
            return super.writeValueAsString(value);
        }
    };
    private final Conversation conversation = ConversationMother.unresolved();
    private final StreamProperties properties = new StreamProperties(Duration.ofSeconds(15), 16, 100);
    private final LiveUpdates live = new LiveUpdates(properties, new SimpleMeterRegistry());
    private final EventStreams streams = new EventStreams(live, nothingToReplay(), properties, json);
    /** The same settings, not counted: what the tests compare with. */
    private final JsonMapper reference = JsonMapper.builder().build();

    @Test
    void fiftyOperatorStreamsShareOneSerialisationOfAnEntry() throws Exception {
        List<CompletableFuture<ServerSentEvent<Object>>> operators = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            operators.add(firstEvent(streams.org(conversation.orgId())));
        }
        CompletableFuture<ServerSentEvent<Object>> widget = firstEvent(streams.conversation(conversation, 0, LABEL));

        Entry entry = operatorAssignment(1);
        live.publish(entry);

        ServerSentEvent<Object> first = operators.get(0).get(5, TimeUnit.SECONDS);
        for (CompletableFuture<ServerSentEvent<Object>> operator : operators) {
            assertThat(operator.get(5, TimeUnit.SECONDS)).isSameAs(first);
        }
        ServerSentEvent<Object> widgetEvent = widget.get(5, TimeUnit.SECONDS);
        // the widget's view names the label instead of the operator: its own serialisation, the second in all
        assertThat(serialisations).hasValue(2);
        assertThat(first.id()).isEqualTo(conversation.id() + ":1");
        assertThat(first.event()).isEqualTo("assignment");
        assertThat(first.data()).isEqualTo(reference.writeValueAsString(Views.MessageView.of(entry, null)));
        assertThat(widgetEvent.id()).isEqualTo("1");
        assertThat(widgetEvent.data()).isEqualTo(reference.writeValueAsString(Views.MessageView.of(entry, LABEL)));
    }

    @Test
    void widgetStreamsWithTheSameLabelShareOneSerialisation() throws Exception {
        var first = firstEvent(streams.conversation(conversation, 0, LABEL));
        var second = firstEvent(streams.conversation(conversation, 0, LABEL));

        live.publish(message(1, "hi"));

        assertThat(first.get(5, TimeUnit.SECONDS)).isSameAs(second.get(5, TimeUnit.SECONDS));
        assertThat(serialisations).hasValue(1);
    }

    /** What goes on the wire is byte for byte what the SSE writer made of the view object before. */
    @Test
    void eventsAreWrittenAsTheyWereWhenTheWriterSerialisedTheView() throws Exception {
        List<Entry> entries = List.of(
                message(1, "Grüße, \"quoted\"\nand a second line </script> \u2028 😀"),
                operatorAssignment(2),
                new Entry(UUID.randomUUID(), conversation.orgId(), conversation.id(), 3, EntryKind.HANDOFF,
                        AuthorType.SYSTEM, null, null, "Handed to a person",
                        Map.of("trigger", "HUMAN_REQUEST", "summary", "wants a person", "status", "ESCALATED"),
                        null, Instant.parse("2026-11-22T10:00:03.120Z")));
        var operatorEvents = events(streams.org(conversation.orgId()), entries.size());
        var widgetEvents = events(streams.conversation(conversation, 0, LABEL), entries.size());

        entries.forEach(live::publish);

        List<ServerSentEvent<Object>> before = new ArrayList<>();
        List<ServerSentEvent<Object>> now = new ArrayList<>(operatorEvents.get(5, TimeUnit.SECONDS));
        for (Entry e : entries) {
            before.add(ServerSentEvent.<Object>builder(Views.MessageView.of(e, null))
                .id(e.conversationId() + ":" + e.seq()).event(e.kind().eventName()).build());
        }
        for (Entry e : entries) {
            before.add(ServerSentEvent.<Object>builder(Views.MessageView.of(e, LABEL))
                .id(Long.toString(e.seq())).event(e.kind().eventName()).build());
        }
        now.addAll(widgetEvents.get(5, TimeUnit.SECONDS));

        assertThat(written(now)).isEqualTo(written(before)).contains("Support Agent claimed", "Grüße", "😀");
    }

    /** The bytes Spring's SSE writer puts on the wire, with a JSON encoder on the same mapper (as in the service). */
    private String written(List<ServerSentEvent<Object>> events) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        new ServerSentEventHttpMessageWriter(new JacksonJsonEncoder(json))
            .write(Flux.fromIterable(events), ResolvableType.forClassWithGenerics(ServerSentEvent.class, Object.class),
                    MediaType.TEXT_EVENT_STREAM, response, Map.of())
            .block(Duration.ofSeconds(5));
        return response.getBodyAsString().block(Duration.ofSeconds(5));
    }

    private static CompletableFuture<ServerSentEvent<Object>> firstEvent(Flux<ServerSentEvent<Object>> stream) {
        return stream.filter(e -> e.data() != null).next().toFuture();
    }

    private static CompletableFuture<List<ServerSentEvent<Object>>> events(Flux<ServerSentEvent<Object>> stream, int n) {
        return stream.filter(e -> e.data() != null).take(n).collectList().toFuture();
    }

    private Entry message(long seq, String text) {
        return new Entry(UUID.randomUUID(), conversation.orgId(), conversation.id(), seq, EntryKind.MESSAGE,
                AuthorType.VISITOR, "v-1", "Visitor", text, Map.of(), "client-" + seq, Instant.parse("2026-11-22T10:00:01Z"));
    }

    /** Names the operator in its text and data: the widget's view replaces the name with the label. */
    private Entry operatorAssignment(long seq) {
        return new Entry(UUID.randomUUID(), conversation.orgId(), conversation.id(), seq, EntryKind.ASSIGNMENT,
                AuthorType.OPERATOR, "op-1", "Ada Operator", "Ada Operator claimed the conversation",
                Map.of("assigneeName", "Ada Operator", "status", "ASSIGNED"), null, Instant.parse("2026-11-22T10:00:02Z"));
    }

    /** Live entries only: the streams here start with an empty thread. */
    private static ConversationService nothingToReplay() {
        return new ConversationService(null, null, null, null, null, null) {
            @Override
            public Flux<Entry> entriesAfter(Conversation c, long afterSeq, int limit) {
                return Flux.empty();
            }
        };
    }
}
