package com.supportchat.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
        return runAll(key == null ? List.of() : List.of(key), work);
    }

    /**
     * Runs {@code work} after every earlier call's work for any of the keys has ended, and holds all of them until it
     * ends: a batch that applies several keys' events in one transaction waits for their earlier events, and their
     * later ones wait for it. Null keys are not sequenced.
     */
    public Mono<Void> runAll(Collection<String> keys, Supplier<Mono<Void>> work) {
        Set<String> distinct = new LinkedHashSet<>();
        keys.stream().filter(Objects::nonNull).forEach(distinct::add);
        if (distinct.isEmpty()) {
            return Mono.defer(work);
        }
        Sinks.Empty<Void> done = Sinks.empty();
        Mono<Void> mine = done.asMono();
        List<Mono<Void>> previous = new ArrayList<>();
        for (String key : distinct) {
            tails.compute(key, (k, tail) -> {
                if (tail != null) {
                    previous.add(tail.onErrorResume(ex -> Mono.empty()));
                }
                return mine;
            });
        }
        return Mono.when(previous)
            .then(Mono.defer(work))
            .doFinally(signal -> {
                done.tryEmitEmpty();
                distinct.forEach(key -> tails.remove(key, mine));
            });
    }

    int pendingKeys() {
        return tails.size();
    }
}
