package com.supportchat.notification.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How operator tokens are checked.
 *
 * @param jwksUri  identity-service's JWKS ({@code IDENTITY_JWKS_URI})
 * @param issuer   the {@code iss} every token must carry
 * @param audience the {@code aud} a console token carries
 */
@Validated
@ConfigurationProperties("supportchat.security")
public record TokenProperties(@NotBlank String jwksUri, @NotBlank String issuer, @NotBlank String audience) {
}
