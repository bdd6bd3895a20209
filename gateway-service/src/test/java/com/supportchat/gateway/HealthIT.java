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
    void prometheusMetricsArePublic() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
