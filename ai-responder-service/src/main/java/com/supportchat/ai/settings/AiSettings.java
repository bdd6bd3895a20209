package com.supportchat.ai.settings;

import java.time.Instant;

/**
 * An org's AI settings. Null fields fall back to the deployment's defaults. {@code apiKey} is write-only:
 * never returned by the API, never logged ({@link #toString()} masks it).
 */
public record AiSettings(String orgId, String systemPrompt, String model, Double temperature,
        String customHandoffInstructions, String baseUrl, String apiKey, boolean enabled, Instant updatedAt) {

    public static AiSettings defaults(String orgId) {
        return new AiSettings(orgId, null, null, null, null, null, null, true, null);
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "AiSettings[orgId=" + orgId + ", model=" + model + ", temperature=" + temperature + ", baseUrl=" + baseUrl
                + ", apiKey=" + (hasApiKey() ? "***" : "none") + ", enabled=" + enabled + "]";
    }
}
