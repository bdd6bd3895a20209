package com.supportchat.identity.operator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Console login: the back-off per account (email) and the refresh token.
 *
 * @param freeFailures failed attempts within {@code window} that cost nothing; the next one makes the account wait
 * @param window       failures older than this are forgotten
 * @param firstWait    the wait after the first failure over {@code freeFailures}; it doubles with each further one
 * @param maxWait      the longest wait
 * @param refreshTokenTtl how long a console refresh token (the httpOnly cookie) stays usable; each use gives a new one
 * @param refreshCookieSecure whether the cookie carries {@code Secure} (only sent over HTTPS); off for the local run
 *        on plain http://localhost
 */
@Validated
@ConfigurationProperties("supportchat.identity.login")
public record LoginProperties(
        @Positive @DefaultValue("5") int freeFailures,
        @NotNull @DefaultValue("15m") Duration window,
        @NotNull @DefaultValue("30s") Duration firstWait,
        @NotNull @DefaultValue("15m") Duration maxWait,
        @NotNull @DefaultValue("12h") Duration refreshTokenTtl,
        @DefaultValue("true") boolean refreshCookieSecure) {

    /** How long an account waits after its {@code failures}-th failure in the window. */
    Duration waitAfter(int failures) {
        int over = failures - freeFailures - 1;
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration wait = firstWait.multipliedBy(1L << Math.min(over, 20));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
