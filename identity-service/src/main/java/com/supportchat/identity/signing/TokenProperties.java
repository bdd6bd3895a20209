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
 * @param keyRotationInterval the active signing key is replaced once it is this old (checked every
 *                        {@code keyRotationCheck}); {@code 0} turns the scheduled rotation off
 * @param keyRotationCheck how often the key's age is checked
 */
@Validated
@ConfigurationProperties("supportchat.identity.tokens")
public record TokenProperties(
        @NotBlank @DefaultValue("supportchat-identity") String issuer,
        @NotNull @DefaultValue("1h") Duration widgetTokenTtl,
        @NotNull @DefaultValue("15m") Duration consoleTokenTtl,
        @NotNull @DefaultValue("24h") Duration contactTokenTtl,
        @NotNull @DefaultValue("1m") Duration keyCacheTtl,
        @NotNull @DefaultValue("30d") Duration keyRotationInterval,
        @NotNull @DefaultValue("1h") Duration keyRotationCheck) {

    /** The longest any token signed by a key may stay valid after that key stopped signing. */
    public Duration longestTokenLife() {
        Duration longest = widgetTokenTtl;
        for (Duration ttl : new Duration[] { consoleTokenTtl, contactTokenTtl }) {
            if (ttl.compareTo(longest) > 0) {
                longest = ttl;
            }
        }
        // clock skew between instances and verifiers
        return longest.plusMinutes(5);
    }
}
