package com.supportchat.resourceserver;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Decoders for identity-service's RS256 tokens: keys from its JWKS, signature, expiry and issuer checked on
 * every token; optionally the audience too, for a service that takes only one kind of token. A service that
 * routes by audience leaves it to {@link AudienceAuthorization}.
 */
public final class TokenDecoders {

    private TokenDecoders() {
    }

    public static ReactiveJwtDecoder fromJwks(String jwksUri, String issuer) {
        return fromJwks(jwksUri, validator(issuer));
    }

    public static ReactiveJwtDecoder fromJwks(String jwksUri, String issuer, String audience) {
        return fromJwks(jwksUri, validator(issuer, audience));
    }

    private static ReactiveJwtDecoder fromJwks(String jwksUri, OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** Expiry (with the default clock skew) and issuer. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return JwtValidators.createDefaultWithIssuer(issuer);
    }

    /** Expiry, issuer and an {@code aud} that contains {@code audience}. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> hasAudience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(validator(issuer), hasAudience);
    }
}
