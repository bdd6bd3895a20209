package com.supportchat.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Mints tokens the way identity-service does, with a test key whose public half the fake JWKS serves. */
public final class TestTokens {

    static final String KEY_ID = "test-key-1";

    static final RSAKey SIGNING_KEY = generate(KEY_ID);

    /** Same key id, different key: a forged signature. */
    static final RSAKey FORGER_KEY = generate(KEY_ID);

    /** A key identity-service starts using later (rotation); published by {@link #publish(RSAKey)}. */
    static final RSAKey ROTATED_KEY = generate("test-key-2");

    private static final List<RSAKey> PUBLISHED = new CopyOnWriteArrayList<>(List.of(SIGNING_KEY));

    private TestTokens() {
    }

    static String jwksJson() {
        return new JWKSet(PUBLISHED.stream().map(key -> (JWK) key.toPublicJWK()).toList())
                .toString();
    }

    static void publish(RSAKey key) {
        PUBLISHED.add(key);
    }

    /** Signed by {@code key}, with the {@code typ: JWT} header identity-service writes. */
    static String consoleSignedBy(RSAKey key, String org) {
        return sign(key, claims("operator-" + UUID.randomUUID(), org, "supportchat-console", Duration.ofHours(1)),
                true);
    }

    static String widget(String org) {
        return sign(SIGNING_KEY, claims("visitor-" + UUID.randomUUID(), org, "supportchat-widget",
                Duration.ofHours(1)));
    }

    static String widgetFor(String subject, String org) {
        return sign(SIGNING_KEY, claims(subject, org, "supportchat-widget", Duration.ofHours(1)));
    }

    static String console(String org) {
        return consoleFor("operator-" + UUID.randomUUID(), org);
    }

    static String consoleFor(String subject, String org) {
        return sign(SIGNING_KEY, claims(subject, org, "supportchat-console", Duration.ofHours(12)));
    }

    static String expiredConsole() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("op-1", "org-a", "supportchat-console",
                Duration.ofHours(1)))
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                .build();
        return sign(SIGNING_KEY, claims);
    }

    static String forgedConsole() {
        return sign(FORGER_KEY, claims("op-1", "org-a", "supportchat-console", Duration.ofHours(1)));
    }

    static String wrongIssuerConsole() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("op-1", "org-a", "supportchat-console",
                Duration.ofHours(1))).issuer("someone-else").build();
        return sign(SIGNING_KEY, claims);
    }

    static String unsignedConsole() {
        return new PlainJWT(claims("op-1", "org-a", "supportchat-console", Duration.ofHours(1))).serialize();
    }

    static JWTClaimsSet claims(String subject, String org, String audience, Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("supportchat-identity")
                .subject(subject)
                .audience(audience)
                .claim("org", org)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, claims, false);
    }

    static String sign(RSAKey key, JWTClaimsSet claims, boolean typed) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
            if (typed) {
                header.type(JOSEObjectType.JWT);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
