package com.supportchat.gateway.limit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * @param anonymous per client IP, for {@code /widget/v1/session} and {@code /api/v1/auth/login}
 * @param authenticated per token subject, for every other route that needs a token
 * @param maxTrackedKeys buckets kept in memory before idle, full ones are swept
 */
@Validated
@ConfigurationProperties("supportchat.gateway.rate-limit")
public record RateLimitProperties(@Valid @NotNull Limit anonymous, @Valid @NotNull Limit authenticated,
        Integer maxTrackedKeys) {

    public RateLimitProperties {
        if (maxTrackedKeys == null) {
            maxTrackedKeys = 100_000;
        }
    }

    /** A bucket of {@code capacity} tokens, refilled by {@code refillTokens} every {@code refillPeriod}. */
    public record Limit(@Positive long capacity, @Positive long refillTokens, @NotNull Duration refillPeriod) {
    }
}
