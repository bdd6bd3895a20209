package com.supportchat.conversation.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import com.supportchat.conversation.thread.Entry;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-memory hub of this instance: entries arrive from the fan-out listener and go to the streams
 * subscribed to their conversation and to their org. Subscribers are indexed by both, so an entry costs
 * only its own recipients, however many streams are open. Each subscriber has its own buffer, bounded by
 * {@code supportchat.stream.client-buffer} and grown only as needed: a client that cannot keep up is
 * disconnected (it reconnects with Last-Event-ID and loses nothing) instead of growing memory. One timer
 * sends the keep-alive {@link #HEARTBEAT} to every idle-or-not subscriber, instead of a timer per stream.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    /** Emitted on every live flux each heartbeat period; the stream writes it as an SSE comment. */
    public static final LiveEntry HEARTBEAT = new LiveEntry(new Entry(null, null, null, 0, null, null, null, null, null,
            Map.of(), null, null));

    private final Map<UUID, Set<Subscriber>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscriber>> byOrg = new ConcurrentHashMap<>();
    private final Set<Subscriber> all = ConcurrentHashMap.newKeySet();
    private final StreamProperties properties;
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Counter slowClients;
    private volatile Disposable heartbeat;

    public LiveUpdates(StreamProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder("supportchat.sse.subscribers", subscribers, AtomicInteger::get)
            .description("open live-update subscriptions on this instance").register(meters);
        this.slowClients = Counter.builder("supportchat.sse.slow.clients")
            .description("streams disconnected because their client did not read fast enough").register(meters);
    }

    /**
     * Delivers the entry to the streams of its conversation and of its org, all of them the same {@link LiveEntry}
     * (what they render from it is rendered once). Safe from any thread.
     */
    public void publish(Entry published) {
        LiveEntry entry = new LiveEntry(published);
        deliver(byConversation.get(published.conversationId()), entry);
        deliver(byOrg.get(published.orgId()), entry);
    }

    private static void deliver(Set<Subscriber> recipients, LiveEntry entry) {
        if (recipients != null) {
            recipients.forEach(s -> s.offer(entry));
        }
    }

    /**
     * {@code replayFirst}, then the conversation's live entries. The live subscription starts before the replay
     * runs, so nothing that happens during the replay is missed (duplicates are the caller's to drop by seq).
     * Overflowing the client buffer ends the flux with {@link SlowClientException}.
     */
    public Flux<LiveEntry> conversation(UUID conversationId, Flux<Entry> replayFirst) {
        return subscribe(byConversation, conversationId, replayFirst.map(LiveEntry::new));
    }

    /** The org's live entries (every conversation of the org). */
    public Flux<LiveEntry> org(String orgId) {
        return subscribe(byOrg, orgId, Flux.empty());
    }

    private <K> Flux<LiveEntry> subscribe(Map<K, Set<Subscriber>> index, K key, Flux<LiveEntry> replayFirst) {
        return Flux.defer(() -> {
            Subscriber subscriber = new Subscriber(properties.clientBuffer());
            index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
            all.add(subscriber);
            subscribers.incrementAndGet();
            return replayFirst.concatWith(subscriber.sink.asFlux()).doFinally(signal -> {
                all.remove(subscriber);
                index.computeIfPresent(key, (k, set) -> set.remove(subscriber) && set.isEmpty() ? null : set);
                subscribers.decrementAndGet();
            });
        });
    }

    @Override
    public void start() {
        Duration period = properties.heartbeat();
        heartbeat = Schedulers.parallel().schedulePeriodically(this::heartbeatNow, period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void heartbeatNow() {
        all.forEach(s -> s.offer(HEARTBEAT));
    }

    int subscriberCount() {
        return subscribers.get();
    }

    @Override
    public void stop() {
        Disposable running = heartbeat;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = heartbeat;
        return running != null && !running.isDisposed();
    }

    /**
     * One stream's buffer. Offers come from the Kafka listener and the heartbeat timer, so they are serialized
     * here (the sink allows one emitter at a time); the queue starts small and grows up to the bound.
     */
    private final class Subscriber {

        private final Queue<LiveEntry> queue = Queues.<LiveEntry>unbounded(8).get();
        private final Sinks.Many<LiveEntry> sink = Sinks.many().unicast().onBackpressureBuffer(queue);
        private final int bound;
        private boolean failed;

        Subscriber(int bound) {
            this.bound = bound;
        }

        synchronized void offer(LiveEntry entry) {
            if (failed) {
                return;
            }
            if (queue.size() >= bound) {
                failed = true;
                slowClients.increment();
                sink.tryEmitError(new SlowClientException());
                return;
            }
            // fails only when the stream has ended (cancelled) and is about to be removed
            failed = sink.tryEmitNext(entry).isFailure();
        }
    }

    /** A client did not read fast enough and its buffer filled up. */
    public static class SlowClientException extends RuntimeException {

        public SlowClientException() {
            super("client too slow; disconnected");
        }
    }
}
