package com.supportchat.resourceserver;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * identity-service's signing keys as a service holds them: fetched when first needed, fetched again every
 * {@code refreshInterval} (a rotated-in key is known before its first token arrives, a retired one is
 * dropped), and on a token whose {@code kid} is unknown, but at most once per {@code minRefetchGap}, so a
 * flood of tokens with made-up key ids cannot turn into a flood of JWKS requests. Tokens that arrive while
 * a fetch is under way wait for it instead of starting another. A failed fetch keeps the last good set.
 * Spring Security's own JWKS source fetches again on every unknown {@code kid} and never otherwise.
 */
final class RefreshingJwks {

    private static final Logger log = LoggerFactory.getLogger(RefreshingJwks.class);

    /** Before a key set has ever loaded (identity-service still starting), a failed fetch is retried sooner. */
    private static final Duration GAP_UNTIL_LOADED = Duration.ofSeconds(1);

    private final WebClient webClient;
    private final URI jwksUri;
    private final Duration minRefetchGap;
    private final Clock clock;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>();
    private final AtomicReference<Fetch> lastFetch = new AtomicReference<>();
    private final Disposable schedule;

    RefreshingJwks(WebClient webClient, URI jwksUri, Duration refreshInterval, Duration minRefetchGap, Clock clock) {
        this.webClient = webClient;
        this.jwksUri = jwksUri;
        this.minRefetchGap = minRefetchGap;
        this.clock = clock;
        // a tick while a slow fetch is still running is skipped; without the drop, interval fails for good
        this.schedule = Flux.interval(refreshInterval, refreshInterval)
            .onBackpressureDrop()
            .concatMap(tick -> fetch().onErrorResume(e -> Mono.empty()), 0)
            .subscribe();
    }

    /** The keys that may have verified this token; an unknown {@code kid} fetches again if the gap allows. */
    Flux<JWK> keysFor(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        JWKSet current = keys.get();
        List<JWK> known = current == null ? List.of() : selector.select(current);
        if (!known.isEmpty()) {
            return Flux.fromIterable(known);
        }
        // whichever fetch it waited for, the answer is the key set as it is now (a scheduled refresh may be newer)
        return refetchUnlessRecent().onErrorResume(e -> Mono.empty())
            .then(Mono.fromSupplier(keys::get))
            .flatMapIterable(selector::select);
    }

    /** A new fetch when the last one started long enough ago, else the last one (finished or in flight). */
    private Mono<JWKSet> refetchUnlessRecent() {
        Instant now = clock.instant();
        Fetch last = lastFetch.get();
        Duration gap = keys.get() == null ? GAP_UNTIL_LOADED : minRefetchGap;
        if (last != null && now.isBefore(last.startedAt().plus(gap))) {
            return last.result();
        }
        Fetch next = new Fetch(now, fetch().cache());
        return lastFetch.compareAndSet(last, next) ? next.result() : lastFetch.get().result();
    }

    private Mono<JWKSet> fetch() {
        return webClient.get().uri(jwksUri).retrieve().bodyToMono(String.class)
            .timeout(Duration.ofSeconds(5))
            .map(RefreshingJwks::parse)
            .doOnNext(keys::set)
            .doOnError(e -> log.warn("JWKS fetch from {} failed, keeping the last good key set: {}", jwksUri,
                    e.toString()));
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException e) {
            throw new IllegalStateException("Not a JWK set: " + e.getMessage(), e);
        }
    }

    /** Stops the periodic refresh. */
    void stop() {
        schedule.dispose();
    }

    private record Fetch(Instant startedAt, Mono<JWKSet> result) {
    }
}
