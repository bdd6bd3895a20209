package com.supportchat.conversation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import com.supportchat.conversation.thread.Entry;
import com.supportchat.conversation.thread.EntryKind;
import com.supportchat.events.AuthorType;

import static org.assertj.core.api.Assertions.assertThat;

class LiveUpdatesTest {

    private final UUID conversation = UUID.randomUUID();

    private static LiveUpdates live(int clientBuffer) {
        return new LiveUpdates(new StreamProperties(Duration.ofSeconds(15), clientBuffer, 100), new SimpleMeterRegistry());
    }

    @Test
    void replayComesFirstThenLiveEntriesOfTheSubscribedConversation() {
        LiveUpdates live = live(16);
        StepVerifier.create(live.conversation(conversation, Flux.just(entry("org-1", conversation, 1))))
            .expectNextMatches(e -> e.entry().seq() == 1)
            .then(() -> {
                live.publish(entry("org-1", UUID.randomUUID(), 7));
                live.publish(entry("org-1", conversation, 2));
            })
            .expectNextMatches(e -> e.entry().seq() == 2 && e.entry().conversationId().equals(conversation))
            .thenCancel()
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void entriesPublishedDuringTheReplayFollowIt() {
        LiveUpdates live = live(16);
        // the replay is slow; an entry arrives meanwhile and must come right after it
        Flux<Entry> slowReplay = Flux.just(entry("org-1", conversation, 1)).delayElements(Duration.ofMillis(200));
        StepVerifier.create(live.conversation(conversation, slowReplay))
            .then(() -> live.publish(entry("org-1", conversation, 2)))
            .expectNextMatches(e -> e.entry().seq() == 1)
            .expectNextMatches(e -> e.entry().seq() == 2)
            .thenCancel()
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void orgStreamsSeeEveryConversationOfTheirOrgOnly() {
        LiveUpdates live = live(16);
        UUID other = UUID.randomUUID();
        StepVerifier.create(live.org("org-1"))
            .then(() -> {
                live.publish(entry("org-2", UUID.randomUUID(), 9));
                live.publish(entry("org-1", conversation, 1));
                live.publish(entry("org-1", other, 1));
            })
            .expectNextMatches(e -> e.entry().conversationId().equals(conversation))
            .expectNextMatches(e -> e.entry().conversationId().equals(other))
            .thenCancel()
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void slowClientIsDisconnectedOnceItsBufferIsFull() {
        LiveUpdates live = live(4);
        // Request nothing: the subscriber never reads, as a stalled browser would.
        StepVerifier.create(live.conversation(conversation, Flux.empty()), 0)
            .then(() -> {
                for (int seq = 1; seq <= 10; seq++) {
                    live.publish(entry("org-1", conversation, seq));
                }
            })
            .thenRequest(100)
            .expectNextCount(4)
            .expectError(LiveUpdates.SlowClientException.class)
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void endedStreamsAreForgotten() {
        LiveUpdates live = live(16);
        StepVerifier.create(live.conversation(conversation, Flux.empty())).thenCancel().verify(Duration.ofSeconds(5));
        StepVerifier.create(live.org("org-1")).thenCancel().verify(Duration.ofSeconds(5));
        live.publish(entry("org-1", conversation, 1)); // nobody left to deliver to, and nothing fails
        assertThat(live.subscriberCount()).isZero();
    }

    /** Two listener threads and the heartbeat publish at once: every stream still gets every entry, once. */
    @Test
    void concurrentPublishersLoseNothing() throws Exception {
        LiveUpdates live = live(100_000);
        int threads = 4;
        int perThread = 2_000;
        List<UUID> conversations = List.of(conversation, UUID.randomUUID());
        CountDownLatch done = new CountDownLatch(1);
        var widget = live.conversation(conversation, Flux.empty()).filter(e -> e != LiveUpdates.HEARTBEAT)
            .take(threads * perThread / 2).collectList().toFuture();
        var operator = live.org("org-1").filter(e -> e != LiveUpdates.HEARTBEAT)
            .take(threads * perThread).collectList().toFuture();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        live.publish(entry("org-1", conversations.get(i % 2), thread * 1_000_000L + i));
                    }
                });
            }
            pool.submit(() -> {
                while (done.getCount() > 0) {
                    live.heartbeatNow();
                }
            });
            assertThat(widget.get(20, TimeUnit.SECONDS)).hasSize(threads * perThread / 2)
                .allMatch(e -> e.entry().conversationId().equals(conversation))
                .doesNotHaveDuplicates();
            assertThat(operator.get(20, TimeUnit.SECONDS)).hasSize(threads * perThread).doesNotHaveDuplicates();
        } finally {
            done.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void heartbeatReachesEveryOpenStream() {
        LiveUpdates live = live(16);
        StepVerifier.create(live.conversation(conversation, Flux.empty()).mergeWith(live.org("org-1")))
            .then(live::heartbeatNow)
            .expectNext(LiveUpdates.HEARTBEAT, LiveUpdates.HEARTBEAT)
            .thenCancel()
            .verify(Duration.ofSeconds(5));
    }

    private static Entry entry(String org, UUID conversationId, long seq) {
        return new Entry(UUID.randomUUID(), org, conversationId, seq, EntryKind.MESSAGE, AuthorType.VISITOR, "v",
                "Visitor", "hello " + seq, Map.of(), null, Instant.now());
    }
}
