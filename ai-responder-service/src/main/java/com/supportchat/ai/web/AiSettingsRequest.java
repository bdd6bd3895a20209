package com.supportchat.ai.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.supportchat.ai.settings.AiSettingsChange;

/**
 * Body of PUT {@code /api/v1/settings/ai}. {@code apiKey} is write-only: omit it to keep the stored key, send ""
 * to remove it. Never part of {@link #toString()}.
 */
record AiSettingsRequest(
        @Size(max = 8000) String systemPrompt,
        @Size(max = 200) String model,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Size(max = 4000) String customHandoffInstructions,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        @Size(max = 500) String apiKey,
        Boolean enabled) {

    AiSettingsChange toChange() {
        return new AiSettingsChange(systemPrompt, model, temperature, customHandoffInstructions, baseUrl, apiKey, enabled);
    }

    @Override
    public String toString() {
        return "AiSettingsRequest[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unchanged" : "***")
                + "]";
    }
}
