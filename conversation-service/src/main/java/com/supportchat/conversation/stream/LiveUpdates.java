package com.supportchat.conversation.stream;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import com.supportchat.conversation.thread.Entry;

import org.springframework.stereotype.Component;

/**
 * The in-memory hub of this instance: entries arrive from the fan-out listeners and go to every
 * subscribed stream. Each subscriber gets its own bounded buffer: a client that cannot keep up is
 * disconnected (it reconnects with Last-Event-ID and loses nothing) instead of growing memory.
 */
@Component
public class LiveUpdates {

    private final Sinks.Many<Entry> hub = Sinks.many().multicast().directBestEffort();
    private final StreamProperties properties;
    private final AtomicInteger subscribers = new AtomicInteger();

    public LiveUpdates(StreamProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder("supportchat.sse.subscribers", subscribers, AtomicInteger::get)
            .description("open live-update subscriptions on this instance").register(meters);
    }

    void publish(Entry entry) {
        hub.emitNext(entry, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /**
     * {@code replayFirst}, then the live entries matching the filter. The live subscription starts before
     * the replay runs, so nothing that happens during the replay is missed (duplicates are the caller's to
     * drop by seq). Live entries are buffered per subscriber up to the configured bound; overflowing ends
     * the flux with {@link SlowClientException}.
     */
    public Flux<Entry> subscribe(Predicate<Entry> filter, Flux<Entry> replayFirst) {
        return Flux.defer(() -> {
            Sinks.Many<Entry> buffer = Sinks.many().unicast()
                .onBackpressureBuffer(new ArrayBlockingQueue<>(properties.clientBuffer()));
            Disposable feed = hub.asFlux().filter(filter).subscribe(entry -> {
                if (buffer.tryEmitNext(entry).isFailure()) {
                    buffer.tryEmitError(new SlowClientException());
                }
            });
            subscribers.incrementAndGet();
            return replayFirst.concatWith(buffer.asFlux()).doFinally(signal -> {
                feed.dispose();
                subscribers.decrementAndGet();
            });
        });
    }

    /** A client did not read fast enough and its buffer filled up. */
    public static class SlowClientException extends RuntimeException {

        public SlowClientException() {
            super("client too slow; disconnected");
        }
    }
}
