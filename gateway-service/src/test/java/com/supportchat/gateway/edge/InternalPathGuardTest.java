package com.supportchat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalPathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "/internal", "/internal/v1/cors", "/INTERNAL/v1/cors", "/internal;x=1/v1",
            "/api/v1/conversations/../../internal/v1/cors", "/api/v1/conversations/%2e%2e/x",
            "/api/v1/conversations/a%2Fb", "/widget/./v1/session", "/widget/v1/conversations;x=1/c-1",
            "/widget//v1/conversations", "/%69nternal/v1/cors", "/api/v1/x%zz", "/api/v1/x%3bjsessionid=1",
            "/actuator", "/actuator/", "/actuator/prometheus", "/actuator/env", "/Actuator/info",
            "/actuator/healthz", "/actuator/%68ealth/../env" })
    void refusesInternalAndTraversalPaths(String path) {
        assertThat(InternalPathGuard.isForbidden(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/conversations/c-1", "/widget/v1/session", "/api/v1/internal-notes",
            "/widget.js", "/", "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
    void letsOrdinaryPathsThrough(String path) {
        assertThat(InternalPathGuard.isForbidden(path)).isFalse();
    }
}
