package com.supportchat.ai.it;

import org.springframework.test.web.reactive.server.WebTestClient;

final class WebTestClientSupport {

    private WebTestClientSupport() {
    }

    static void expectNotFound(WebTestClient.ResponseSpec response) {
        response.expectStatus().isNotFound()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/not-found");
    }
}
