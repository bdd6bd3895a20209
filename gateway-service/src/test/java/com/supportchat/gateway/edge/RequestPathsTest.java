package com.supportchat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void decisionsAreTakenOnTheDecodedPathAsRoutesSeeIt() {
        assertThat(RequestPaths.normalise("/widget/v1/conversation%73/c-1")).isEqualTo("/widget/v1/conversations/c-1");
    }

    @Test
    void aTrailingSlashDoesNotMakeAnotherPath() {
        assertThat(RequestPaths.normalise("/widget/v1/session/")).isEqualTo("/widget/v1/session");
        assertThat(RequestPaths.normalise("/")).isEqualTo("/");
    }
}
