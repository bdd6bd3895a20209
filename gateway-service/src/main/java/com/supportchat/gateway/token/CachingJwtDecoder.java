package com.supportchat.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens its delegate has fully validated, keyed by the exact token string, so the widget's
 * and console's repeated requests with the same token skip the RSA signature check, the JSON parsing and
 * the claim conversion (most of Spring Security's cost per request on the gateway).
 *
 * <p>Only successes are cached: a token that differs in a single character (tampered payload, forged
 * signature) is another key and is validated from scratch, and a refused token is refused again each time.
 * An entry lives until the token's {@code exp} (without the validator's clock skew, so never longer than
 * the token itself is valid), at most {@code maxTtl}, and at most while the key set it was verified
 * against is unchanged ({@code keySetVersion}: a key identity-service stops publishing stops being
 * trusted at the next JWKS refresh). A hit re-checks {@code exp} against the clock as well. Tokens
 * without {@code exp} are never cached. Bounded to {@code maxSize} entries.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private record Entry(Jwt jwt, long keySetVersion) {
    }

    private final ReactiveJwtDecoder delegate;

    private final Clock clock;

    private final LongSupplier keySetVersion;

    private final Cache<String, Entry> cache;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, LongSupplier keySetVersion, long maxSize,
            Duration maxTtl, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.keySetVersion = keySetVersion;
        long maxTtlNanos = maxTtl.toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String token, Entry entry, long currentTime) {
                        Duration left = timeLeft(entry.jwt());
                        return left.compareTo(maxTtl) >= 0 ? maxTtlNanos : left.toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String token, Entry entry, long currentTime,
                            long currentDuration) {
                        return expireAfterCreate(token, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String token, Entry entry, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.defer(() -> {
            long version = keySetVersion.getAsLong();
            Entry cached = cache.getIfPresent(token);
            if (cached != null) {
                if (cached.keySetVersion() == version && isUnexpired(cached.jwt())) {
                    return Mono.just(cached.jwt());
                }
                cache.invalidate(token);
            }
            return delegate.decode(token).doOnNext(jwt -> {
                if (jwt.getExpiresAt() != null && isUnexpired(jwt)) {
                    cache.put(token, new Entry(jwt, version));
                }
            });
        });
    }

    private boolean isUnexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration timeLeft(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
