package com.supportchat.gateway.cors;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * @param originsUri identity-service's {@code /internal/v1/cors}
 * @param internalToken sent as {@code X-Internal-Token} ({@code INTERNAL_API_TOKEN})
 * @param refreshInterval how often the allowed origins are fetched again
 * @param emptyListAllowsAnyOrigin a widget token with no allowed origins may be used from any origin,
 *        as identity-service treats it (default); false makes an empty list allow none
 */
@Validated
@ConfigurationProperties("supportchat.gateway.cors")
public record CorsProperties(@NotNull URI originsUri, @NotBlank String internalToken,
        @NotNull Duration refreshInterval, Boolean emptyListAllowsAnyOrigin) {

    public CorsProperties {
        if (emptyListAllowsAnyOrigin == null) {
            emptyListAllowsAnyOrigin = true;
        }
    }

    @Override
    public String toString() {
        return "CorsProperties[originsUri=" + originsUri + ", refreshInterval=" + refreshInterval + "]";
    }
}
