package com.supportchat.conversation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import com.supportchat.conversation.thread.Entry;
import com.supportchat.conversation.thread.EntryKind;
import com.supportchat.events.AuthorType;

class LiveUpdatesTest {

    private final UUID conversation = UUID.randomUUID();

    @Test
    void replayComesFirstThenLiveEntriesOfTheSubscribedConversation() {
        LiveUpdates live = new LiveUpdates(new StreamProperties(Duration.ofSeconds(15), 16, 100), new SimpleMeterRegistry());
        StepVerifier.create(live.subscribe(e -> e.conversationId().equals(conversation), Flux.just(entry(conversation, 1))))
            .expectNextMatches(e -> e.seq() == 1)
            .then(() -> {
                live.publish(entry(UUID.randomUUID(), 7));
                live.publish(entry(conversation, 2));
            })
            .expectNextMatches(e -> e.seq() == 2 && e.conversationId().equals(conversation))
            .thenCancel()
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void slowClientIsDisconnectedOnceItsBufferIsFull() {
        LiveUpdates live = new LiveUpdates(new StreamProperties(Duration.ofSeconds(15), 4, 100), new SimpleMeterRegistry());
        // Request nothing: the subscriber never reads, as a stalled browser would.
        StepVerifier.create(live.subscribe(e -> true, Flux.empty()), 0)
            .then(() -> {
                for (int seq = 1; seq <= 10; seq++) {
                    live.publish(entry(conversation, seq));
                }
            })
            .thenRequest(100)
            .expectNextCount(4)
            .expectError(LiveUpdates.SlowClientException.class)
            .verify(Duration.ofSeconds(5));
    }

    private static Entry entry(UUID conversationId, long seq) {
        return new Entry(UUID.randomUUID(), "org-1", conversationId, seq, EntryKind.MESSAGE, AuthorType.VISITOR, "v",
                "Visitor", "hello " + seq, Map.of(), null, Instant.now());
    }
}
