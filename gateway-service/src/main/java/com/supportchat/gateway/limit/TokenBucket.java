package com.supportchat.gateway.limit;

import java.time.Duration;

/**
 * A token bucket refilled continuously (not in steps), so a client that waits the announced
 * {@code Retry-After} really gets a token. Time is passed in (nanoseconds) so the logic is testable.
 */
final class TokenBucket {

    private final long capacity;

    private final double tokensPerNano;

    private double tokens;

    private long lastRefillNanos;

    TokenBucket(long capacity, long refillTokens, Duration refillPeriod, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = (double) refillTokens / refillPeriod.toNanos();
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token; answers {@link Duration#ZERO} on success, else how long until one is available. */
    synchronized Duration tryConsume(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return Duration.ofNanos(Math.max(1, waitNanos));
    }

    /** True when the bucket is full again and has been idle; such a bucket can be forgotten. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastRefillNanos = nowNanos;
        }
    }
}
