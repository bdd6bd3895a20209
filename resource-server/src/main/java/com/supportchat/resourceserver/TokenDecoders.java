package com.supportchat.resourceserver;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Decoders for identity-service's RS256 tokens: keys from its JWKS (refreshed on a schedule and, rate-limited,
 * on an unknown {@code kid}), signature, expiry and issuer checked on every token; optionally the audience
 * too, for a service that takes only one kind of token. A service that routes by audience leaves it to
 * {@link AudienceAuthorization}.
 */
public final class TokenDecoders {

    /** How often every service fetches identity-service's JWKS again, unknown key ids or not. */
    public static final Duration JWKS_REFRESH_INTERVAL = Duration.ofMinutes(5);

    /** The least time between two JWKS fetches caused by tokens with an unknown {@code kid}. */
    public static final Duration JWKS_MIN_REFETCH_GAP = Duration.ofSeconds(30);

    private TokenDecoders() {
    }

    public static ReactiveJwtDecoder fromJwks(String jwksUri, String issuer) {
        return fromJwks(jwksUri, validator(issuer));
    }

    public static ReactiveJwtDecoder fromJwks(String jwksUri, String issuer, String audience) {
        return fromJwks(jwksUri, validator(issuer, audience));
    }

    /**
     * Keys from the JWKS at {@code jwksUri}, fetched again every {@code refreshInterval} and on an unknown
     * {@code kid} at most once per {@code minRefetchGap} ({@link RefreshingJwks}).
     */
    public static ReactiveJwtDecoder fromJwks(String jwksUri, OAuth2TokenValidator<Jwt> validator,
            Duration refreshInterval, Duration minRefetchGap, Clock clock) {
        RefreshingJwks keys = new RefreshingJwks(WebClient.create(), URI.create(jwksUri), refreshInterval,
                minRefetchGap, clock);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
        decoder.setJwtValidator(validator);
        return new RefreshingJwtDecoder(decoder, keys);
    }

    private static ReactiveJwtDecoder fromJwks(String jwksUri, OAuth2TokenValidator<Jwt> validator) {
        return fromJwks(jwksUri, validator, JWKS_REFRESH_INTERVAL, JWKS_MIN_REFETCH_GAP, Clock.systemUTC());
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
