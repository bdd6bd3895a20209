package com.supportchat.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void allowsTheCapacityThenTellsHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, 1, Duration.ofSeconds(10), now.get());

        assertThat(bucket.tryConsume(now.get())).isZero();
        assertThat(bucket.tryConsume(now.get())).isZero();
        assertThat(bucket.tryConsume(now.get())).isZero();

        Duration wait = bucket.tryConsume(now.get());
        assertThat(wait).isGreaterThan(Duration.ofSeconds(9)).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refillsContinuouslySoRetryAfterIsHonest() {
        TokenBucket bucket = new TokenBucket(1, 1, Duration.ofSeconds(10), now.get());
        bucket.tryConsume(now.get());

        Duration wait = bucket.tryConsume(now.get());
        now.addAndGet(wait.toNanos());

        assertThat(bucket.tryConsume(now.get())).isZero();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1, Duration.ofSeconds(1), now.get());
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(bucket.tryConsume(now.get())).isZero();
        assertThat(bucket.tryConsume(now.get())).isZero();
        assertThat(bucket.tryConsume(now.get())).isPositive();
    }

    @Test
    void bucketsAreKeptApartAndFullOnesAreSweptWhenTooManyAreTracked() {
        TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(1, 1, Duration.ofSeconds(1)), 2,
                now::get);
        assertThat(buckets.tryConsume("a")).isZero();
        assertThat(buckets.tryConsume("a")).isPositive();
        assertThat(buckets.tryConsume("b")).isZero();

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(buckets.tryConsume("c")).isZero();

        assertThat(buckets.trackedKeys()).isEqualTo(1);
    }
}
