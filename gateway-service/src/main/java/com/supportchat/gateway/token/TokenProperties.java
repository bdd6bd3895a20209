package com.supportchat.gateway.token;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * @param jwksUri identity-service's JWKS ({@code IDENTITY_JWKS_URI})
 * @param jwksRefreshInterval how often a known-good JWKS is fetched again (key rotation)
 * @param jwksMinRefetchInterval the least time between two fetches triggered by an unknown {@code kid},
 *        so a flood of forged tokens cannot hammer identity-service
 * @param jwksInitialBackoff first retry delay while identity-service has not answered yet (doubling, at
 *        most 30 s); default 500 ms
 * @param cacheMaxSize validated tokens remembered per audience ({@link CachingJwtDecoder}); 0 turns the
 *        cache off; default 5000
 * @param cacheMaxTtl the longest a validated token is remembered (never past its {@code exp}); default 5 min
 */
@Validated
@ConfigurationProperties("supportchat.gateway.tokens")
public record TokenProperties(@NotNull URI jwksUri, @NotBlank String issuer, @NotBlank String widgetAudience,
        @NotBlank String consoleAudience, @NotNull Duration jwksRefreshInterval,
        @NotNull Duration jwksMinRefetchInterval, Duration jwksInitialBackoff, @PositiveOrZero Long cacheMaxSize,
        Duration cacheMaxTtl) {

    public TokenProperties {
        if (jwksInitialBackoff == null) {
            jwksInitialBackoff = Duration.ofMillis(500);
        }
        if (cacheMaxSize == null) {
            cacheMaxSize = 5000L;
        }
        if (cacheMaxTtl == null) {
            cacheMaxTtl = Duration.ofMinutes(5);
        }
    }
}
