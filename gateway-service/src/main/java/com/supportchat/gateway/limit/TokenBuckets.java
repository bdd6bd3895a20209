package com.supportchat.gateway.limit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Buckets by key, in memory (rate limits are per gateway instance; the limits are set with the
 * number of instances in mind). Full buckets are swept when too many keys are tracked, so a scan
 * from many addresses cannot grow the map without bound.
 */
final class TokenBuckets {

    private static final long SWEEP_GAP_NANOS = Duration.ofSeconds(1).toNanos();

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    private final RateLimitProperties.Limit limit;

    private final int maxTrackedKeys;

    private final LongSupplier nanoClock;

    private final AtomicLong lastSweepNanos;

    TokenBuckets(RateLimitProperties.Limit limit, int maxTrackedKeys, LongSupplier nanoClock) {
        this.limit = limit;
        this.maxTrackedKeys = maxTrackedKeys;
        this.nanoClock = nanoClock;
        this.lastSweepNanos = new AtomicLong(nanoClock.getAsLong() - SWEEP_GAP_NANOS);
    }

    /** {@link Duration#ZERO} when the request may go, else how long the client should wait. */
    Duration tryConsume(String key) {
        long now = nanoClock.getAsLong();
        long lastSweep = lastSweepNanos.get();
        // a sweep is O(keys): at most one per second, by one thread
        if (buckets.size() >= maxTrackedKeys && now - lastSweep >= SWEEP_GAP_NANOS
                && lastSweepNanos.compareAndSet(lastSweep, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets
                .computeIfAbsent(key,
                        k -> new TokenBucket(limit.capacity(), limit.refillTokens(), limit.refillPeriod(), now))
                .tryConsume(now);
    }

    int trackedKeys() {
        return buckets.size();
    }
}
