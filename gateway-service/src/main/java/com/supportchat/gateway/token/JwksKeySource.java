package com.supportchat.gateway.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * identity-service's signing keys, fetched at start-up (retried with back-off until it answers),
 * refreshed periodically and on an unknown {@code kid} (at most once per
 * {@code jwksMinRefetchInterval}). The last good key set is kept when identity-service is down, so
 * tokens keep validating. Until the first successful fetch the gateway cannot validate anything,
 * which {@link JwksHealthIndicator} reports.
 */
public class JwksKeySource implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

    private final WebClient webClient;

    private final TokenProperties properties;

    private final Clock clock;

    private final Duration initialBackoff;

    private final AtomicReference<JWKSet> keys = new AtomicReference<>();

    private final AtomicLong keySetVersion = new AtomicLong();

    private final AtomicReference<Instant> lastFetchAttempt = new AtomicReference<>(Instant.EPOCH);

    private volatile Disposable refresher;

    public JwksKeySource(WebClient webClient, TokenProperties properties, Clock clock, Duration initialBackoff) {
        this.webClient = webClient;
        this.properties = properties;
        this.clock = clock;
        this.initialBackoff = initialBackoff;
    }

    /** True once a key set has been fetched successfully. */
    public boolean isLoaded() {
        return keys.get() != null;
    }

    public int keyCount() {
        JWKSet set = keys.get();
        return set == null ? 0 : set.getKeys().size();
    }

    /**
     * Goes up each time a fetched key set differs from the one before (a key added or withdrawn), so
     * anything verified against an older set can tell; 0 until the first fetch.
     */
    public long keySetVersion() {
        return keySetVersion.get();
    }

    /** The keys that may have signed this token; fetches again when none match (key rotation). */
    public Flux<JWK> keysFor(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        JWKSet current = keys.get();
        if (current != null) {
            List<JWK> matching = selector.select(current);
            if (!matching.isEmpty()) {
                return Flux.fromIterable(matching);
            }
        }
        if (!mayRefetch()) {
            return Flux.empty();
        }
        return fetch().flatMapIterable(selector::select)
                .onErrorResume(e -> {
                    log.warn("JWKS fetch for an unknown key id failed: {}", e.toString());
                    return Flux.empty();
                });
    }

    private boolean mayRefetch() {
        Instant now = clock.instant();
        Instant last = lastFetchAttempt.get();
        Duration minGap = isLoaded() ? properties.jwksMinRefetchInterval() : Duration.ofSeconds(1);
        return now.isAfter(last.plus(minGap)) && lastFetchAttempt.compareAndSet(last, now);
    }

    /** Fetches the key set once and keeps it when it parses. */
    Mono<JWKSet> fetch() {
        return webClient.get()
                .uri(properties.jwksUri())
                .retrieve()
                .bodyToMono(String.class)
                .timeout(Duration.ofSeconds(5))
                .map(JwksKeySource::parse)
                .doOnSubscribe(s -> lastFetchAttempt.set(clock.instant()))
                .doOnNext(set -> {
                    JWKSet previous = keys.getAndSet(set);
                    if (previous == null || !previous.getKeys().equals(set.getKeys())) {
                        keySetVersion.incrementAndGet();
                    }
                    if (previous == null) {
                        log.info("JWKS loaded from {} ({} keys)", properties.jwksUri(), set.getKeys().size());
                    }
                });
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException e) {
            throw new IllegalStateException("JWKS is not a valid JWK set: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        Mono<Void> refreshQuietly = Mono.defer(this::fetch)
                .doOnError(e -> log.warn("JWKS refresh failed, keeping the last good key set: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then();
        refresher = Mono.defer(this::fetch)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, initialBackoff)
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn("JWKS not available yet from {} (attempt {}): {}",
                                properties.jwksUri(), signal.totalRetries() + 1, signal.failure().toString())))
                // a tick during a slow fetch is dropped: without the drop, interval would fail for good on overflow
                .thenMany(Flux.interval(properties.jwksRefreshInterval()).onBackpressureDrop()
                        .concatMap(tick -> refreshQuietly, 1))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = refresher;
        if (current != null) {
            current.dispose();
        }
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isDisposed();
    }
}
