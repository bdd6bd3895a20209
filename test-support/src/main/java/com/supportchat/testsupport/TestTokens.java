package com.supportchat.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Mints tokens shaped like identity-service's (docs/architecture.md, "Tokens": RS256, issuer, audience,
 * {@code org}, {@code roles} or the widget claims) with a key made for the test run. A service verifies them
 * with its real validators through {@link #decoder}; only the key source differs.
 */
public final class TestTokens {

    public static final String ISSUER = "supportchat-identity";
    public static final String CONSOLE = "supportchat-console";
    public static final String WIDGET = "supportchat-widget";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** A decoder for this class's tokens that applies the service's own validator (issuer, audience, expiry). */
    public static ReactiveJwtDecoder decoder(OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey()).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** An operator access token of operator {@code operator-1} with one role ({@code admin} or {@code agent}). */
    public static String operator(String orgId, String role) {
        return token(orgId, role, CONSOLE);
    }

    /** A token with operator claims but any audience, to prove a service refuses the wrong kind. */
    public static String token(String orgId, String role, String audience) {
        return sign(base("operator-1", audience, orgId, Instant.now().plusSeconds(3600))
            .claim("roles", List.of(role))
            .build());
    }

    public static String operator(String orgId, String operatorId, String name, String role) {
        return sign(base(operatorId, CONSOLE, orgId, Instant.now().plusSeconds(3600))
            .claim("roles", List.of(role))
            .claim("name", name)
            .build());
    }

    public static String expiredOperator(String orgId) {
        return sign(base("op-old", CONSOLE, orgId, Instant.now().minusSeconds(60))
            .claim("roles", List.of("admin"))
            .build());
    }

    public static String anonymousVisitor(String orgId, String visitorId) {
        return widget(orgId, visitorId, "anonymous", "visitor:" + visitorId, Map.of());
    }

    public static String verifiedContact(String orgId, String visitorId, String contactId, String externalId,
            String name) {
        String owner = "contact:" + contactId + (externalId == null ? "" : "#" + externalId);
        Map<String, Object> extra = externalId == null ? Map.of("cid", contactId, "name", name)
                : Map.of("cid", contactId, "xid", externalId, "name", name);
        return widget(orgId, visitorId, "verified", owner, extra);
    }

    public static String widget(String orgId, String visitorId, String identityType, String owner,
            Map<String, Object> extra) {
        JWTClaimsSet.Builder claims = base(visitorId, WIDGET, orgId, Instant.now().plusSeconds(3600))
            .claim("idt", identityType)
            .claim("vid", visitorId)
            .claim("owner", owner);
        extra.forEach(claims::claim);
        return sign(claims.build());
    }

    private static JWTClaimsSet.Builder base(String subject, String audience, String orgId, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(ISSUER)
            .subject(subject)
            .audience(audience)
            .issueTime(new Date())
            .expirationTime(Date.from(expires))
            .claim("org", orgId);
    }

    private static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
