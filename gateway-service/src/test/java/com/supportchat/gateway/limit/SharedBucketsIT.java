package com.supportchat.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Against the Redis server on 127.0.0.1:6379 ({@code REDIS_URL} overrides; deploy/local/up and .ci/run start one
 * where it is missing): two gateway instances draw from one budget, and without Redis each still limits.
 */
class SharedBucketsIT {

    private static final String REDIS_URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

    private static final RateLimitProperties.Limit FIVE_AN_HOUR =
            new RateLimitProperties.Limit(5, 5, Duration.ofHours(1));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private SharedBuckets first;

    private SharedBuckets second;

    @AfterEach
    void close() {
        if (first != null) {
            first.destroy();
        }
        if (second != null) {
            second.destroy();
        }
    }

    @Test
    void twoInstancesShareOneBudget() {
        first = redisBuckets(REDIS_URL);
        second = redisBuckets(REDIS_URL);
        awaitShared(first);
        awaitShared(second);
        String client = "203.0.113." + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            assertThat(first.tryConsume("ip", FIVE_AN_HOUR, client).block()).isZero();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(second.tryConsume("ip", FIVE_AN_HOUR, client).block()).isZero();
        }

        Duration wait = second.tryConsume("ip", FIVE_AN_HOUR, client).block();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(12));
        assertThat(first.tryConsume("ip", FIVE_AN_HOUR, client).block()).isPositive();
        // another client has its own budget
        assertThat(first.tryConsume("ip", FIVE_AN_HOUR, client + "-other").block()).isZero();
        assertThat(meters.counter("supportchat.gateway.rate.limit.fallback").count()).isZero();
    }

    @Test
    void withoutRedisEachInstanceStillLimitsOnItsOwn() {
        // nothing listens on port 1: every check falls back at once
        first = redisBuckets("redis://127.0.0.1:1");
        String client = "198.51.100." + UUID.randomUUID();

        for (int i = 0; i < 5; i++) {
            assertThat(first.tryConsume("ip", FIVE_AN_HOUR, client).block(Duration.ofSeconds(5))).isZero();
        }
        assertThat(first.tryConsume("ip", FIVE_AN_HOUR, client).block(Duration.ofSeconds(5))).isPositive();
        assertThat(first.isShared()).isFalse();
        assertThat(meters.counter("supportchat.gateway.rate.limit.fallback").count()).isEqualTo(6);
    }

    private SharedBuckets redisBuckets(String url) {
        RateLimitProperties properties = new RateLimitProperties(FIVE_AN_HOUR, FIVE_AN_HOUR, 1000,
                RateLimitProperties.Store.REDIS, url, Duration.ofMillis(500), Duration.ofSeconds(5),
                "supportchat-test:" + getClass().getSimpleName() + ":");
        return new SharedBuckets(properties, meters, System::nanoTime);
    }

    private static void awaitShared(SharedBuckets buckets) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(buckets::isShared);
    }
}
