package com.supportchat.gateway;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import reactor.core.publisher.Flux;

class LimitsIT extends GatewayItSupport {

    /** Matches supportchat.gateway.rate-limit.*.capacity in {@link GatewayItSupport}. */
    private static final int CAPACITY = 20;

    @Test
    void anOperatorOverTheBudgetGets429WithRetryAfter() {
        String token = bearer(TestTokens.consoleFor("operator-" + UUID.randomUUID(), "org-a"));
        IntStream.range(0, CAPACITY).forEach(i -> client.get()
                .uri("/api/v1/conversations")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus().isOk());

        client.get()
                .uri("/api/v1/conversations")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/rate-limited");

        // another operator is not affected
        client.get()
                .uri("/api/v1/conversations")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.console("org-a")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void loginAttemptsAreLimitedPerClientAddress() {
        String address = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        IntStream.range(0, CAPACITY).forEach(i -> client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .exchange()
                .expectStatus().isOk());

        client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413() {
        String uri = "/widget/v1/conversations/c-1/messages?probe=" + UUID.randomUUID();
        client.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.widget("org-a")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"" + "x".repeat(70 * 1024) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/payload-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> body = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
        client.post()
                .uri("/api/v1/conversations/c-1/messages")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.console("org-a")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void knowledgeBaseArticlesMayBeLarger() {
        client.post()
                .uri("/api/v1/knowledge-base/articles")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.console("org-a")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"" + "x".repeat(512 * 1024) + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "ai-responder");
    }
}
