package com.supportchat.resourceserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A real JWKS endpoint that rotates its keys, and a decoder as every service builds it. */
class JwksRefreshTest {

    private static final String ISSUER = "supportchat-identity";

    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private HttpServer jwks;
    private ReactiveJwtDecoder decoder;

    @BeforeEach
    void start() throws IOException {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (decoder instanceof DisposableBean disposable) {
            disposable.destroy();
        }
        jwks.stop(0);
    }

    @Test
    void aTokenSignedByARotatedInKeyIsAcceptedOnceTheGapHasPassed() throws Exception {
        RSAKey first = key("first");
        RSAKey second = key("second");
        published.set(new JWKSet(first.toPublicJWK()));
        decoder = decoder(Duration.ofHours(1));

        assertThat(decode(token(first)).getSubject()).isEqualTo("operator-1");
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
        clock.advance(Duration.ofSeconds(31));

        assertThat(decode(token(second)).getSubject()).isEqualTo("operator-1");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFloodOfUnknownKeyIdsFetchesTheJwksAtMostOncePerGap() throws Exception {
        RSAKey known = key("known");
        published.set(new JWKSet(known.toPublicJWK()));
        decoder = decoder(Duration.ofHours(1));
        decode(token(known));

        RSAKey forger = key("forger");
        for (int i = 0; i < 50; i++) {
            String forged = token(forger, "forged-" + i);
            assertThatThrownBy(() -> decode(forged)).isInstanceOf(JwtException.class);
        }
        assertThat(fetches).as("all 50 within the gap of the first fetch").hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flood.add(token(forger, "later-" + i));
        }
        Flux.fromIterable(flood)
            .flatMap(token -> decoder.decode(token).onErrorResume(JwtException.class, e -> Mono.empty()), 50)
            .blockLast(Duration.ofSeconds(30));
        assertThat(fetches).as("50 concurrent unknown kids after the gap: one fetch").hasValue(2);
    }

    @Test
    void theKeySetIsRefreshedOnAScheduleWithoutAnyUnknownKid() throws Exception {
        RSAKey retired = key("retired");
        RSAKey next = key("next");
        published.set(new JWKSet(retired.toPublicJWK()));
        decoder = decoder(Duration.ofMillis(200));
        String oldToken = token(retired);
        decode(oldToken);

        published.set(new JWKSet(next.toPublicJWK()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fetches.get()).isGreaterThan(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> decode(oldToken)).as("the retired key is gone").isInstanceOf(JwtException.class));

        // the clock never moved: no unknown-kid fetch was allowed, so the schedule brought the new key
        assertThat(decode(token(next)).getSubject()).isEqualTo("operator-1");
    }

    private ReactiveJwtDecoder decoder(Duration refreshInterval) {
        return TokenDecoders.fromJwks("http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                TokenDecoders.validator(ISSUER), refreshInterval, Duration.ofSeconds(30), clock);
    }

    private Jwt decode(String token) {
        return decoder.decode(token).block(Duration.ofSeconds(10));
    }

    private static RSAKey key(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    private static String token(RSAKey key) throws JOSEException {
        return token(key, key.getKeyID());
    }

    private static String token(RSAKey key, String kid) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("operator-1").jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The decoder's notion of now for the refetch gap; token expiry uses the real clock. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
