package com.supportchat.identity.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSignerTest {

    private static final RSAKey KEY = SigningKeys.generateKey("kid-1");
    private final TokenSigner signer = new TokenSigner("supportchat-identity");

    @Test
    void signsRs256WithKidIssuerAudienceAndClaims() throws Exception {
        Instant now = Instant.parse("2026-01-01T10:00:00.750Z");
        IssuedToken issued = signer.sign(KEY, "supportchat-widget", "visitor-1", now, Duration.ofHours(1),
                Map.of("org", "org-1", "roles", List.of("admin")));

        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-1");
        assertThat(jwt.verify(new RSASSAVerifier(KEY.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("supportchat-identity");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("supportchat-widget");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("visitor-1");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("org-1");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("admin");
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void expiresAtEqualsTheTokensExpiryInWholeSeconds() throws Exception {
        Instant now = Instant.parse("2026-01-01T10:00:00.750Z");
        IssuedToken issued = signer.sign(KEY, "supportchat-contact", "c", now, Duration.ofHours(24), Map.of());

        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(SignedJWT.parse(issued.token()).getJWTClaimsSet().getExpirationTime().toInstant())
            .isEqualTo(issued.expiresAt());
    }

    @Test
    void nullClaimsAreLeftOut() throws Exception {
        Map<String, Object> claims = new HashMap<>();
        claims.put("cid", null);
        claims.put("org", "o");
        IssuedToken issued = signer.sign(KEY, "supportchat-widget", "v", Instant.now(), Duration.ofMinutes(5), claims);

        assertThat(SignedJWT.parse(issued.token()).getJWTClaimsSet().getClaims()).doesNotContainKey("cid")
            .containsKey("org");
    }

    @Test
    void tokenIsKeptOutOfToString() {
        IssuedToken issued = signer.sign(KEY, "supportchat-widget", "v", Instant.now(), Duration.ofMinutes(5), Map.of());
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        IssuedToken issued = signer.sign(KEY, "supportchat-widget", "v", Instant.now(), Duration.ofMinutes(5), Map.of());
        RSAKey other = SigningKeys.generateKey("kid-1");
        assertThat(SignedJWT.parse(issued.token()).verify(new RSASSAVerifier(other.toRSAPublicKey()))).isFalse();
    }
}
