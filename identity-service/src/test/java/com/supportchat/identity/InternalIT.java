package com.supportchat.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class InternalIT extends IdentityIntegrationTest {

    @Test
    void bootstrapIsIdempotentBySlugAndRotatesTheDemoKey() {
        Map<String, Object> request = Map.of("name", "Acme", "slug", "acme-idem", "allowedOrigins", List.of("http://localhost:8080"),
                "admin", Map.of("email", "admin@acme-idem.example", "password", ADMIN_PASSWORD, "name", "Acme Admin"));

        Map<String, Object> first = bootstrap(request);
        Map<String, Object> second = bootstrap(request);

        assertThat(second.get("orgId")).isEqualTo(first.get("orgId"));
        assertThat(second.get("widgetToken")).isEqualTo(first.get("widgetToken"));
        assertThat(second.get("operatorEmail")).isEqualTo("admin@acme-idem.example");
        assertThat(second.get("apiKey")).isNotEqualTo(first.get("apiKey"));
        authenticateUser((String) second.get("apiKey"), Map.of("userId", "u"));
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth((String) first.get("apiKey")))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u")).exchange()
            .expectStatus().isUnauthorized();
        login("admin@acme-idem.example", ADMIN_PASSWORD);

        List<Map<String, Object>> cors = client.get().uri("/internal/v1/cors").header("X-Internal-Token", INTERNAL_TOKEN)
            .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody();
        assertThat(cors).contains(Map.of("orgId", first.get("orgId"), "widgetToken", first.get("widgetToken"),
                "allowedOrigins", List.of("http://localhost:8080")));
    }

    @Test
    void internalEndpointsNeedTheInternalToken() {
        client.get().uri("/internal/v1/cors").exchange().expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/internal/v1/cors").header("X-Internal-Token", "guess").exchange().expectStatus().isUnauthorized();
        client.post().uri("/internal/v1/orgs").header("X-Internal-Token", "guess").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "x")).exchange().expectStatus().isUnauthorized();
    }

    private Map<String, Object> bootstrap(Map<String, Object> request) {
        return client.post().uri("/internal/v1/orgs").header("X-Internal-Token", INTERNAL_TOKEN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
            .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }
}
