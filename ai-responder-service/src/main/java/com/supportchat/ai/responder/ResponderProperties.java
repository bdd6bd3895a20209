package com.supportchat.ai.responder;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the AI answers.
 *
 * @param unproductiveAfter   unanswered questions in a row after which the UNPRODUCTIVE trigger fires
 * @param historySize         recent messages of a conversation given to the model
 * @param replyDeadline       the longest a visitor waits for the model before the built-in responder answers
 * @param openai              the deployment's OpenAI-compatible endpoint (orgs may override base URL, key, model)
 */
@Validated
@ConfigurationProperties("supportchat.ai")
public record ResponderProperties(
        @Min(1) @DefaultValue("2") int unproductiveAfter,
        @Min(1) @DefaultValue("12") int historySize,
        @NotNull @DefaultValue("9s") Duration replyDeadline,
        @Valid @NotNull @DefaultValue OpenAi openai) {

    /**
     * @param baseUrl        e.g. https://api.openai.com/v1, an Azure OpenAI, vLLM, Ollama or llama.cpp endpoint
     * @param apiKey         empty: no model unless an org configures its own key
     * @param attemptTimeout one model call; with one retry, the total stays under {@code replyDeadline}
     * @param retryBackoff   wait before the single retry (429, 5xx, time-out, I/O)
     * @param maxConcurrent  model calls in flight per instance (bulkhead)
     * @param allowedPrivateHosts host names or IP literals of private endpoints (self-hosted vLLM, Ollama) that
     *                       orgs may use as their {@code baseUrl}; empty: orgs may only use public HTTPS endpoints
     * @param maxTokens      the most tokens a model may answer with ({@code max_tokens})
     * @param maxAnswerChars the most characters of a model's answer that reach the visitor (a server that ignores
     *                       {@code max_tokens} cannot flood the conversation or the event stream)
     */
    public record OpenAi(
            @NotBlank @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @DefaultValue("") String apiKey,
            @NotBlank @DefaultValue("gpt-4o-mini") String model,
            @NotNull @DefaultValue("4s") Duration attemptTimeout,
            @NotNull @DefaultValue("300ms") Duration retryBackoff,
            @Min(1) @DefaultValue("16") int maxConcurrent,
            @NotNull @DefaultValue List<String> allowedPrivateHosts,
            @Min(16) @DefaultValue("600") int maxTokens,
            @Min(200) @DefaultValue("4000") int maxAnswerChars) {

        public boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (hasApiKey() ? "***" : "none") + "]";
        }
    }
}
