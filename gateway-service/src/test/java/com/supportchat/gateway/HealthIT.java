package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

class HealthIT extends GatewayItSupport {

    @Autowired
    MeterRegistry meters;

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

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/prometheus", "/actuator/env", "/actuator/info",
            "/actuator/metrics", "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers",
            "/actuator/gateway/routes", "/ACTUATOR/env", "/actuator/%65nv", "/actuator/health/../env" })
    void actuatorBeyondHealthIsNotReachableThroughTheGateway(String path) {
        client.get()
                .uri(URI.create("http://localhost:" + port + path))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("jvm_").doesNotContain("INTERNAL_API_TOKEN"));
    }

    @Test
    void routedRequestsAreMeteredThoughTheMetricsAreNotPublic() {
        client.get().uri("/widget/v1/session").exchange().expectStatus().isOk();

        assertThat(meters.find("jvm.memory.used").gauges()).isNotEmpty();
        assertThat(meters.find("spring.cloud.gateway.requests").timers()).isNotEmpty();
    }

    @Test
    void requestsAreTimedOnceByTheServerAndOnceByRouteWithoutSecurityOrClientObservations() {
        client.get()
                .uri("/api/v1/conversations")
                .header("Authorization", bearer(TestTokens.console("org-a")))
                .exchange()
                .expectStatus().isOk();

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.find("spring.cloud.gateway.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."))
                .noneMatch(meter -> meter.getId().getName().startsWith("http.client.requests"));
    }
}
