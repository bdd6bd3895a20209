package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class TokenCheckIT extends GatewayItSupport {

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("missing", "/api/v1/conversations", (Supplier<String>) () -> null),
                Arguments.of("malformed", "/api/v1/conversations", (Supplier<String>) () -> "Bearer not.a.jwt"),
                Arguments.of("not bearer", "/api/v1/conversations", (Supplier<String>) () -> "Basic YTpi"),
                Arguments.of("wrong signature", "/api/v1/conversations",
                        (Supplier<String>) () -> "Bearer " + TestTokens.forgedConsole()),
                Arguments.of("expired", "/api/v1/conversations",
                        (Supplier<String>) () -> "Bearer " + TestTokens.expiredConsole()),
                Arguments.of("wrong issuer", "/api/v1/conversations",
                        (Supplier<String>) () -> "Bearer " + TestTokens.wrongIssuerConsole()),
                Arguments.of("alg none", "/api/v1/conversations",
                        (Supplier<String>) () -> "Bearer " + TestTokens.unsignedConsole()),
                Arguments.of("widget token on console API", "/api/v1/conversations",
                        (Supplier<String>) () -> "Bearer " + TestTokens.widget("org-a")),
                Arguments.of("console token on widget API", "/widget/v1/conversations",
                        (Supplier<String>) () -> "Bearer " + TestTokens.console("org-a")),
                Arguments.of("missing on widget API", "/widget/v1/conversations/c-1/messages",
                        (Supplier<String>) () -> null),
                Arguments.of("missing on SSE", "/api/v1/events", (Supplier<String>) () -> null));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("badTokens")
    void badTokensAreRefusedBeforeProxying(String what, String path, Supplier<String> authorization) {
        String uri = path + "?probe=" + UUID.randomUUID();
        String header = authorization.get();
        client.get()
                .uri(uri)
                .headers(headers -> {
                    if (header != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, header);
                    }
                })
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized")
                .jsonPath("$.status").isEqualTo(401);

        assertThat(FakeUpstreams.CONVERSATION.callsTo(uri)).isEmpty();
    }

    @Test
    void anEncodedPathCannotSlipPastTheTokenCheck() {
        String uri = "/widget/v1/conversation%73/c-1/messages?probe=" + UUID.randomUUID();
        client.get()
                .uri(URI.create("http://localhost:" + port + uri))
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(FakeUpstreams.CONVERSATION.callsTo(uri)).isEmpty();
    }

    @Test
    void matrixParametersAreRefused() {
        client.get()
                .uri(URI.create("http://localhost:" + port + "/widget/v1/conversations;x=1/c-1/messages"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aTokenSignedWithANewlyPublishedKeyIsAcceptedAfterARefetch() {
        TestTokens.publish(TestTokens.ROTATED_KEY);
        String token = bearer(TestTokens.consoleSignedBy(TestTokens.ROTATED_KEY, "org-a"));

        // an unknown kid triggers a refetch at most every jwks-min-refetch-interval
        await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> client.get()
                        .uri("/api/v1/conversations")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .exchange()
                        .expectStatus().isOk()
                        .expectHeader().valueEquals("X-Upstream", "conversation"));
    }

    @Test
    void aTamperedCopyOfATokenAcceptedBeforeIsRefused() {
        String valid = TestTokens.console("org-a");
        for (int i = 0; i < 2; i++) {
            client.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, bearer(valid)).exchange()
                    .expectStatus().isOk();
        }
        String[] parts = valid.split("\\.");
        String otherPayload = TestTokens.consoleFor("operator-admin", "org-b").split("\\.")[1];
        String uri = "/api/v1/conversations?probe=" + UUID.randomUUID();

        client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(parts[0] + "." + otherPayload + "." + parts[2]))
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(FakeUpstreams.CONVERSATION.callsTo(uri)).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void tokensNeverReachTheLog(CapturedOutput output) {
        String forged = TestTokens.forgedConsole();
        String valid = TestTokens.console("org-a");
        String apiKey = "sk_live_" + UUID.randomUUID();
        client.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, bearer(forged)).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, bearer(valid)).exchange()
                .expectStatus().isOk();
        client.post().uri("/widget/authenticate-user").header(HttpHeaders.AUTHORIZATION, bearer(apiKey))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();

        assertThat(output.getAll()).doesNotContain(forged).doesNotContain(valid).doesNotContain(apiKey);
    }
}
