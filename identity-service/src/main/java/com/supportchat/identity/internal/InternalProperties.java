package com.supportchat.identity.internal;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Internal API settings.
 *
 * @param token the value callers must send as {@code X-Internal-Token} (env {@code INTERNAL_API_TOKEN})
 */
@Validated
@ConfigurationProperties("supportchat.identity.internal")
public record InternalProperties(@NotBlank String token) {

    @Override
    public String toString() {
        return "InternalProperties[token=***]";
    }
}
