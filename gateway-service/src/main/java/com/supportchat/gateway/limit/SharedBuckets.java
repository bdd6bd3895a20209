package com.supportchat.gateway.limit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Token buckets shared by every gateway instance, kept in Redis by Bucket4j (compare-and-swap on one key per
 * bucket, the key expiring once its bucket would be full again), so that a client cannot multiply its budget by
 * the number of instances behind the load balancer.
 *
 * <p>Redis is a dependency that may fail, and the limits must hold anyway: while it does not answer (within
 * {@code redis-timeout}), each instance falls back to its own in-memory buckets with the same limits, and tries
 * Redis again after {@code redis-retry-interval}. A Redis outage therefore loosens a limit by at most the number of
 * instances, never lifts it, and never fails a request.
 */
final class SharedBuckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    private final RateLimitProperties properties;

    private final LongSupplier nanoClock;

    private final Map<String, TokenBuckets> local = new ConcurrentHashMap<>();

    /** Each limit's bucket configuration, built once rather than on every request. */
    private final Map<RateLimitProperties.Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    private final RedisClient client;

    private final AtomicReference<Remote> remote = new AtomicReference<>();

    private final AtomicBoolean connecting = new AtomicBoolean();

    /** Until when (nano clock) requests use the in-memory buckets without asking Redis. */
    private final AtomicLong localUntil = new AtomicLong(Long.MIN_VALUE);

    private final Counter fallbacks;

    private record Remote(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
    }

    SharedBuckets(RateLimitProperties properties, MeterRegistry meters, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.fallbacks = Counter.builder("supportchat.gateway.rate.limit.fallback")
                .description("rate-limit decisions taken by an instance's own buckets because Redis did not answer")
                .register(meters);
        if (properties.store() == RateLimitProperties.Store.REDIS) {
            this.client = RedisClient.create(RedisURI.create(properties.redisUrl()));
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    // while disconnected, fail at once and use the local buckets instead of queueing requests
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
                    .build());
            connect();
        } else {
            this.client = null;
        }
    }

    /**
     * Takes one token from bucket {@code name:key} configured by {@code limit}: {@link Duration#ZERO} when the
     * request may go, else how long the client should wait.
     */
    Mono<Duration> tryConsume(String name, RateLimitProperties.Limit limit, String key) {
        Remote shared = remote.get();
        if (shared == null || nanoClock.getAsLong() < localUntil.get()) {
            if (client != null && shared == null) {
                connect();
            }
            return Mono.just(locally(name, limit, key));
        }
        return Mono.fromFuture(() -> shared.buckets().builder()
                        .build(properties.redisKeyPrefix() + name + ":" + key,
                                configurations.computeIfAbsent(limit, SharedBuckets::configuration))
                        .tryConsumeAndReturnRemaining(1))
                .map(probe -> probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()))
                .timeout(properties.redisTimeout())
                .onErrorResume(failure -> {
                    redisFailed(failure);
                    return Mono.just(locally(name, limit, key));
                });
    }

    private Duration locally(String name, RateLimitProperties.Limit limit, String key) {
        if (client != null) {
            fallbacks.increment();
        }
        return local.computeIfAbsent(name, n -> new TokenBuckets(limit, properties.maxTrackedKeys(), nanoClock))
                .tryConsume(key);
    }

    private void redisFailed(Throwable failure) {
        long now = nanoClock.getAsLong();
        long until = localUntil.get();
        if (now >= until && localUntil.compareAndSet(until, now + properties.redisRetryInterval().toNanos())) {
            log.warn("Redis did not answer a rate-limit check ({}); this instance uses its own buckets for {}",
                    failure.toString(), properties.redisRetryInterval());
        }
    }

    private void connect() {
        long now = nanoClock.getAsLong();
        if (now < localUntil.get() || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE),
                        RedisURI.create(properties.redisUrl()))
                .whenComplete((connection, failure) -> {
                    try {
                        if (failure != null) {
                            redisFailed(failure);
                            return;
                        }
                        AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                                .expirationAfterWrite(ExpirationAfterWriteStrategy
                                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                                .requestTimeout(properties.redisTimeout())
                                .build()
                                .asAsync();
                        remote.set(new Remote(connection, buckets));
                        log.info("Rate limits are shared through Redis at {}", redacted(properties.redisUrl()));
                    } finally {
                        connecting.set(false);
                    }
                });
    }

    private static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod())
                        .build())
                .build();
    }

    boolean isShared() {
        return remote.get() != null && nanoClock.getAsLong() >= localUntil.get();
    }

    private static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void destroy() {
        Remote shared = remote.getAndSet(null);
        if (shared != null) {
            shared.connection().close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
