package com.supportchat.ai.settings;

/**
 * What an admin puts. {@code apiKey}: null keeps the stored key, an empty string removes it, anything else
 * replaces it.
 */
public record AiSettingsChange(String systemPrompt, String model, Double temperature, String customHandoffInstructions,
        String baseUrl, String apiKey, Boolean enabled) {

    @Override
    public String toString() {
        return "AiSettingsChange[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unchanged" : "***")
                + ", enabled=" + enabled + "]";
    }
}
