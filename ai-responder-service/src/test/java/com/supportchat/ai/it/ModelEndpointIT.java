package com.supportchat.ai.it;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

/**
 * An org admin cannot aim the AI's model requests at the deployment's own network: an internal {@code baseUrl} is
 * refused with a 400 problem and nothing is saved.
 */
class ModelEndpointIT extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999/v1", "https://127.0.0.1:9999/v1", "http://169.254.169.254/v1",
        "https://169.254.169.254/latest", "https://10.0.0.8/v1", "https://[::1]/v1", "https://[fd00:ec2::254]/v1",
        "https://[::ffff:7f00:1]/v1", "http://api.openai.com/v1"})
    void anInternalModelEndpointIsRefusedAndNothingIsSaved(String baseUrl) {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/ai")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("model", "kept-model"))
            .exchange()
            .expectStatus().isOk();

        as(org, "admin").put().uri("/api/v1/settings/ai")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("baseUrl", baseUrl, "apiKey", "sk-org-key", "model", "other-model"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.detail").value(containsString("baseUrl"));

        as(org, "admin").get().uri("/api/v1/settings/ai")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.model").isEqualTo("kept-model")
            .jsonPath("$.baseUrl").doesNotExist()
            .jsonPath("$.apiKeyConfigured").isEqualTo(false);
    }

    @Test
    void aSelfHostedEndpointTheDeploymentAllowsIsSaved() {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/ai")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("baseUrl", "http://localhost:11434/v1", "apiKey", "ollama"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.baseUrl").isEqualTo("http://localhost:11434/v1")
            .jsonPath("$.responder").isEqualTo("openai");
    }
}
