package com.supportchat.ai.web;

import java.time.Instant;

import com.supportchat.ai.settings.AiSettings;

/** The org's AI settings as the API shows them: the key only as "configured or not". */
record AiSettingsResponse(String systemPrompt, String model, Double temperature, String customHandoffInstructions,
        String baseUrl, boolean apiKeyConfigured, boolean enabled, String responder, Instant updatedAt) {

    static AiSettingsResponse of(AiSettings settings, String responder) {
        return new AiSettingsResponse(settings.systemPrompt(), settings.model(), settings.temperature(),
                settings.customHandoffInstructions(), settings.baseUrl(), settings.hasApiKey(), settings.enabled(), responder,
                settings.updatedAt());
    }
}
