package com.supportchat.gateway.limit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * @param anonymous per client address, for the unauthenticated entry points that mint tokens or check
 *        credentials ({@code /widget/v1/session}, {@code /widget/authenticate-user}, {@code /api/v1/auth/login})
 * @param authenticated per token subject, for every other route that needs a token
 * @param maxTrackedKeys in-memory buckets kept before idle, full ones are swept
 * @param store where the buckets live: {@code redis} (shared by every gateway instance, the default) or
 *        {@code memory} (each instance its own)
 * @param redisUrl the Redis server, e.g. {@code redis://127.0.0.1:6379} ({@code rediss://} for TLS)
 * @param redisTimeout how long a rate-limit check may wait for Redis before the instance's own buckets decide
 * @param redisRetryInterval after Redis failed to answer, how long the own buckets decide before Redis is tried again
 * @param redisKeyPrefix prefix of the buckets' keys, so that several deployments (or test runs) can share one Redis
 */
@Validated
@ConfigurationProperties("supportchat.gateway.rate-limit")
public record RateLimitProperties(@Valid @NotNull Limit anonymous, @Valid @NotNull Limit authenticated,
        Integer maxTrackedKeys, Store store, String redisUrl, Duration redisTimeout, Duration redisRetryInterval,
        String redisKeyPrefix) {

    public enum Store {
        REDIS, MEMORY
    }

    public RateLimitProperties {
        if (maxTrackedKeys == null) {
            maxTrackedKeys = 100_000;
        }
        if (store == null) {
            store = Store.REDIS;
        }
        if (redisUrl == null || redisUrl.isBlank()) {
            redisUrl = "redis://127.0.0.1:6379";
        }
        if (redisTimeout == null) {
            redisTimeout = Duration.ofMillis(250);
        }
        if (redisRetryInterval == null) {
            redisRetryInterval = Duration.ofSeconds(5);
        }
        if (redisKeyPrefix == null || redisKeyPrefix.isBlank()) {
            redisKeyPrefix = "supportchat:gateway:rate:";
        }
    }

    /** A bucket of {@code capacity} tokens, refilled by {@code refillTokens} every {@code refillPeriod}. */
    public record Limit(@Positive long capacity, @Positive long refillTokens, @NotNull Duration refillPeriod) {
    }
}
