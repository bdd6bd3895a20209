package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthIT extends GatewayItSupport {

    @Test
    void healthIsUpOnceTheJwksIsLoaded() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.jwks.status").isEqualTo("UP");
    }

    @Test
    void readinessIncludesTheJwksCheck() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.jwks.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsArePublicAndCountRoutedRequests() {
        client.get().uri("/widget/v1/session").exchange().expectStatus().isOk();

        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes")
                        .contains("spring_cloud_gateway_requests_seconds_count{"));
    }

    @Test
    void requestsAreTimedOnceByTheServerAndOnceByRouteWithoutSecurityOrClientObservations() {
        client.get()
                .uri("/api/v1/conversations")
                .header("Authorization", bearer(TestTokens.console("org-a")))
                .exchange()
                .expectStatus().isOk();

        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("http_server_requests_seconds_count{")
                        .contains("spring_cloud_gateway_requests_seconds_count{")
                        .doesNotContain("spring_security_")
                        .doesNotContain("http_client_requests_seconds"));
    }
}
