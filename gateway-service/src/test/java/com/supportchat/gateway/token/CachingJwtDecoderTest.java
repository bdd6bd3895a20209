package com.supportchat.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import reactor.core.publisher.Mono;

import com.supportchat.gateway.TestTokens;

/**
 * The cache in front of the real Nimbus decoder and validators (signature, iss, aud, exp/nbf with the
 * default 60 s skew), on a clock and ticker the test moves: it must never accept what the decoder would
 * refuse, and must stop serving an entry at the token's exp, at the max TTL and on a key set change.
 */
class CachingJwtDecoderTest {

    private static final RSAKey KEY = TestTokens.generate("k1");

    private static final RSAKey OTHER_KEY = TestTokens.generate("k1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

    private final AtomicLong tickerNanos = new AtomicLong();

    private final AtomicLong keySetVersion = new AtomicLong(1);

    private final AtomicInteger delegateCalls = new AtomicInteger();

    private CachingJwtDecoder decoder;

    @BeforeEach
    void decoder() throws JOSEException {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator("supportchat-identity"), new JwtAudienceValidator("supportchat-widget")));
        ReactiveJwtDecoder counting = token -> Mono.defer(() -> {
            delegateCalls.incrementAndGet();
            return nimbus.decode(token);
        });
        decoder = new CachingJwtDecoder(counting, clock, keySetVersion::get, 100, Duration.ofMinutes(5),
                tickerNanos::get);
    }

    @Test
    void aValidTokenIsValidatedOnceAndThenServedFromTheCache() {
        String token = widgetToken(KEY, Duration.ofHours(1));

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("visitor-1");
        assertThat(delegateCalls).hasValue(1);
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        String token = widgetToken(KEY, Duration.ofHours(1));
        decoder.decode(token).block();
        String[] parts = token.split("\\.");
        String otherPayload = widgetToken(KEY, Duration.ofDays(30)).split("\\.")[1];
        String payloadSwapped = parts[0] + "." + otherPayload + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 2);
        String signatureChanged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);

        for (String tampered : new String[] { payloadSwapped, signatureChanged }) {
            assertThatThrownBy(() -> decoder.decode(tampered).block()).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> decoder.decode(tampered).block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTime() {
        String forged = widgetToken(OTHER_KEY, Duration.ofHours(1));

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThat(delegateCalls).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void anExpiredTokenIsRefusedAndNotCached() {
        String expired = TestTokens.sign(KEY, claims("supportchat-widget", clock.instant().minus(Duration.ofMinutes(10))));

        assertThatThrownBy(() -> decoder.decode(expired).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(expired).block()).isInstanceOf(BadJwtException.class);
        assertThat(delegateCalls).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedEveryTime() {
        String console = TestTokens.sign(KEY, claims("supportchat-console", clock.instant().plus(Duration.ofHours(1))));

        assertThatThrownBy(() -> decoder.decode(console).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(console).block()).isInstanceOf(BadJwtException.class);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aCachedTokenIsNotServedOnceItsExpHasPassed() {
        String token = widgetToken(KEY, Duration.ofSeconds(30));
        decoder.decode(token).block();

        // past exp but inside the validator's 60 s skew: the cache does not answer, the decoder still accepts
        clock.advance(Duration.ofSeconds(31));
        tickerNanos.addAndGet(Duration.ofSeconds(31).toNanos());
        decoder.decode(token).block();
        assertThat(delegateCalls).hasValue(2);

        // past the skew: refused
        clock.advance(Duration.ofSeconds(60));
        tickerNanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aCachedTokenIsNotServedWhenTheCacheClockDisagreesWithTheWallClock() {
        String token = widgetToken(KEY, Duration.ofSeconds(30));
        decoder.decode(token).block();

        // the wall clock passes exp while the cache's ticker has not moved (e.g. the clock was adjusted)
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void entriesLiveAtMostTheMaxTtl() {
        String token = widgetToken(KEY, Duration.ofHours(1));
        decoder.decode(token).block();

        tickerNanos.addAndGet(Duration.ofMinutes(5).toNanos());
        clock.advance(Duration.ofMinutes(5));
        decoder.decode(token).block();

        assertThat(delegateCalls).hasValue(2);
    }

    @Test
    void aChangedKeySetMeansValidatingAgain() {
        String token = widgetToken(KEY, Duration.ofHours(1));
        decoder.decode(token).block();

        keySetVersion.incrementAndGet();
        decoder.decode(token).block();
        decoder.decode(token).block();

        assertThat(delegateCalls).hasValue(2);
    }

    @Test
    void aTokenWithoutExpIsNeverCached() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("supportchat-widget", clock.instant()))
                .expirationTime(null)
                .build();
        String token = TestTokens.sign(KEY, claims);

        decoder.decode(token).block();
        decoder.decode(token).block();

        assertThat(delegateCalls).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    private String widgetToken(RSAKey key, Duration lifetime) {
        return TestTokens.sign(key, claims("supportchat-widget", clock.instant().plus(lifetime)));
    }

    private JWTClaimsSet claims(String audience, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("supportchat-identity")
                .subject("visitor-1")
                .audience(audience)
                .claim("org", "org-a")
                .issueTime(Date.from(clock.instant().minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
