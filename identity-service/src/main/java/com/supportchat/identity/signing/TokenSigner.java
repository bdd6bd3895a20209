package com.supportchat.identity.signing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs one JWT with RS256 and the key's {@code kid}. Pure: no I/O, no clock of its own, so it is tested
 * without Spring. Claims whose value is {@code null} are left out rather than written as JSON null.
 */
public final class TokenSigner {

    private final String issuer;

    public TokenSigner(String issuer) {
        this.issuer = issuer;
    }

    public IssuedToken sign(RSAKey key, String audience, String subject, Instant now, Duration ttl,
            Map<String, ?> claims) {
        // JWT times have whole seconds; truncating keeps expiresAt in answers equal to the token's exp
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl);
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            if (value != null) {
                body.claim(name, value);
            }
        });
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
        SignedJWT jwt = new SignedJWT(header, body.build());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Signing key " + key.getKeyID() + " cannot sign", ex);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }

    public String issuer() {
        return issuer;
    }
}
