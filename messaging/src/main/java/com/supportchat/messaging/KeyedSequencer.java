package com.supportchat.messaging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs asynchronous work one at a time per key, in call order. spring-kafka hands an async listener the
 * next record before the previous one's {@code Mono} completes; chaining per record key keeps one
 * conversation's events in the order they were published while different conversations run in parallel.
 * Services use it too, for their own per-conversation work queues.
 */
public final class KeyedSequencer {

    private final ConcurrentHashMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();

    /** Runs {@code work} after every earlier call's work for the same key has ended (a null key: at once). */
    public Mono<Void> run(String key, Supplier<Mono<Void>> work) {
        if (key == null) {
            return Mono.defer(work);
        }
        Sinks.Empty<Void> done = Sinks.empty();
        Mono<Void> mine = done.asMono();
        @SuppressWarnings("unchecked")
        Mono<Void>[] previous = new Mono[1];
        tails.compute(key, (k, tail) -> {
            previous[0] = tail == null ? Mono.empty() : tail;
            return mine;
        });
        return previous[0].onErrorResume(ex -> Mono.empty())
            .then(Mono.defer(work))
            .doFinally(signal -> {
                done.tryEmitEmpty();
                tails.remove(key, mine);
            });
    }

    int pendingKeys() {
        return tails.size();
    }
}
