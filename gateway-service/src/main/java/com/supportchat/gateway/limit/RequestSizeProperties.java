package com.supportchat.gateway.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param defaultMax request bodies everywhere (JSON commands are small)
 * @param knowledgeBaseMax {@code /api/v1/knowledge-base/**}, whose article bodies are larger
 */
@Validated
@ConfigurationProperties("supportchat.gateway.request-size")
public record RequestSizeProperties(@NotNull DataSize defaultMax, @NotNull DataSize knowledgeBaseMax) {
}
