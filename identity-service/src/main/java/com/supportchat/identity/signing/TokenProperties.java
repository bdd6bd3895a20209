package com.supportchat.identity.signing;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings.
 *
 * @param issuer          {@code iss} of every token
 * @param widgetTokenTtl  lifetime of a widget access token
 * @param consoleTokenTtl lifetime of an operator access token
 * @param contactTokenTtl lifetime of a contact token
 * @param keyCacheTtl     how long an instance trusts its cached copy of the signing keys (keys rotated by
 *                        another instance are seen after at most this long; unknown kids reload at once)
 */
@Validated
@ConfigurationProperties("supportchat.identity.tokens")
public record TokenProperties(
        @NotBlank @DefaultValue("supportchat-identity") String issuer,
        @NotNull @DefaultValue("1h") Duration widgetTokenTtl,
        @NotNull @DefaultValue("12h") Duration consoleTokenTtl,
        @NotNull @DefaultValue("24h") Duration contactTokenTtl,
        @NotNull @DefaultValue("1m") Duration keyCacheTtl) {
}
