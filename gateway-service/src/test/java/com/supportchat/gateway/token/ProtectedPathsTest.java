package com.supportchat.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtectedPathsTest {

    @Test
    void widgetConversationsNeedAWidgetToken() {
        assertThat(ProtectedPaths.audienceFor("/widget/v1/conversations")).contains(ProtectedPaths.Audience.WIDGET);
        assertThat(ProtectedPaths.audienceFor("/widget/v1/settings")).contains(ProtectedPaths.Audience.WIDGET);
        assertThat(ProtectedPaths.audienceFor("/widget/v1/conversations/c/events"))
                .contains(ProtectedPaths.Audience.WIDGET);
    }

    @Test
    void theConsoleApiNeedsAConsoleTokenExceptLogin() {
        assertThat(ProtectedPaths.audienceFor("/api/v1/events")).contains(ProtectedPaths.Audience.CONSOLE);
        assertThat(ProtectedPaths.audienceFor("/api/v1/auth/login")).isEmpty();
        // the refresh cookie, not a bearer token, authenticates these two
        assertThat(ProtectedPaths.audienceFor("/api/v1/auth/refresh")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/api/v1/auth/logout")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/api/v1/auth/me")).isPresent();
    }

    @Test
    void publicPathsNeedNoToken() {
        assertThat(ProtectedPaths.audienceFor("/widget/v1/session")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/widget/authenticate-user")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/.well-known/jwks.json")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/actuator/health/readiness")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/widget.js")).isEmpty();
        assertThat(ProtectedPaths.audienceFor("/console/index.html")).isEmpty();
    }
}
