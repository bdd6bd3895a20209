package com.supportchat.gateway.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the streams open through this instance per subject and per client address. A count lives only while it
 * is above zero, so the maps hold exactly the clients with open streams.
 */
final class OpenStreams {

    private final StreamLimitProperties limits;

    private final ConcurrentHashMap<String, AtomicInteger> perSubject = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();

    OpenStreams(StreamLimitProperties limits, MeterRegistry meters) {
        this.limits = limits;
        Gauge.builder("supportchat.gateway.streams.open", open, AtomicInteger::get)
                .description("live-update streams open through this gateway instance").register(meters);
    }

    /** One open stream; {@link #release()} it exactly once when the stream ends. */
    final class Slot {

        private final String subjectKey;

        private final String address;

        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subjectKey, String address) {
            this.subjectKey = subjectKey;
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                decrement(perSubject, subjectKey);
                decrement(perAddress, address);
                open.decrementAndGet();
            }
        }
    }

    /** A slot, or null when the subject or the address already has as many streams open as allowed. */
    Slot tryOpen(boolean visitor, String subject, String address) {
        String subjectKey = (visitor ? "v|" : "o|") + subject;
        int subjectLimit = visitor ? limits.perVisitor() : limits.perOperator();
        if (!increment(perSubject, subjectKey, subjectLimit)) {
            return null;
        }
        if (!increment(perAddress, address, limits.perAddress())) {
            decrement(perSubject, subjectKey);
            return null;
        }
        open.incrementAndGet();
        return new Slot(subjectKey, address);
    }

    int openFor(String address) {
        AtomicInteger count = perAddress.get(address);
        return count == null ? 0 : count.get();
    }

    /** Atomically: count + 1 if that stays within {@code limit}; the entry is created on demand. */
    private static boolean increment(ConcurrentHashMap<String, AtomicInteger> counts, String key, int limit) {
        boolean[] admitted = new boolean[1];
        counts.compute(key, (k, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (current.get() < limit) {
                current.incrementAndGet();
                admitted[0] = true;
            }
            return current.get() == 0 ? null : current;
        });
        return admitted[0];
    }

    private static void decrement(ConcurrentHashMap<String, AtomicInteger> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
