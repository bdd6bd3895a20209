package com.supportchat.identity.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every token this service accepts must pass, without a database. */
class TokenVerificationTest {

    private static final RSAKey KEY = SigningKeys.generateKey("kid-1");
    private static final List<JWK> JWKS = List.of(KEY.toPublicJWK());

    private final TokenSigner signer = new TokenSigner("supportchat-identity");
    private final ReactiveJwtDecoder console = Tokens.decoder(jwt -> Flux.fromIterable(JWKS), "supportchat-identity",
            Audiences.CONSOLE);

    @Test
    void acceptsAFreshTokenForItsAudience() {
        String token = sign(KEY, Audiences.CONSOLE, Instant.now(), Duration.ofHours(12));
        StepVerifier.create(console.decode(token))
            .assertNext(jwt -> assertThat(jwt.getClaimAsString("org")).isEqualTo("org-1"))
            .verifyComplete();
    }

    @Test
    void rejectsAnotherAudience() {
        rejects(sign(KEY, Audiences.WIDGET, Instant.now(), Duration.ofHours(1)));
    }

    @Test
    void rejectsAnExpiredToken() {
        rejects(sign(KEY, Audiences.CONSOLE, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));
    }

    @Test
    void rejectsAnotherIssuer() {
        rejects(new TokenSigner("someone-else").sign(KEY, Audiences.CONSOLE, "op", Instant.now(), Duration.ofHours(1),
                Map.of()).token());
    }

    @Test
    void rejectsAnotherKeyUnderTheSameKid() {
        rejects(sign(SigningKeys.generateKey("kid-1"), Audiences.CONSOLE, Instant.now(), Duration.ofHours(1)));
    }

    @Test
    void rejectsAlgNone() {
        rejects(new PlainJWT(claims()).serialize());
    }

    @Test
    void rejectsHmacSignedWithThePublicKey() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("kid-1").build(), claims());
        hmac.sign(new MACSigner(KEY.toPublicJWK().toRSAPublicKey().getEncoded()));
        rejects(hmac.serialize());
    }

    private void rejects(String token) {
        StepVerifier.create(console.decode(token)).expectError(JwtException.class).verify();
    }

    private String sign(RSAKey key, String audience, Instant issuedAt, Duration ttl) {
        return signer.sign(key, audience, "op-1", issuedAt, ttl, Map.of("org", "org-1", "roles", List.of("admin"))).token();
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("supportchat-identity").audience(Audiences.CONSOLE).subject("op-1")
            .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("roles", List.of("admin")).build();
    }
}
