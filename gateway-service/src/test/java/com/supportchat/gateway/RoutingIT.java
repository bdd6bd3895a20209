package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RoutingIT extends GatewayItSupport {

    static Stream<Arguments> routeTable() {
        return Stream.of(
                Arguments.of("/widget/v1/session", FakeUpstreams.IDENTITY, Token.NONE),
                Arguments.of("/api/v1/auth/login", FakeUpstreams.IDENTITY, Token.NONE),
                Arguments.of("/api/v1/api-keys", FakeUpstreams.IDENTITY, Token.CONSOLE),
                Arguments.of("/api/v1/operators/op-7", FakeUpstreams.IDENTITY, Token.CONSOLE),
                Arguments.of("/widget/v1/conversations", FakeUpstreams.CONVERSATION, Token.WIDGET),
                Arguments.of("/widget/v1/settings", FakeUpstreams.CONVERSATION, Token.WIDGET),
                Arguments.of("/widget/v1/conversations/c-1/messages", FakeUpstreams.CONVERSATION, Token.WIDGET),
                Arguments.of("/api/v1/conversations/c-1/claim", FakeUpstreams.CONVERSATION, Token.CONSOLE),
                Arguments.of("/api/v1/settings/widget", FakeUpstreams.CONVERSATION, Token.CONSOLE),
                Arguments.of("/api/v1/analytics/summary", FakeUpstreams.CONVERSATION, Token.CONSOLE),
                Arguments.of("/api/v1/settings/ai", FakeUpstreams.AI, Token.CONSOLE),
                Arguments.of("/api/v1/ai/playground", FakeUpstreams.AI, Token.CONSOLE),
                Arguments.of("/api/v1/knowledge-base/articles", FakeUpstreams.AI, Token.CONSOLE),
                Arguments.of("/api/v1/settings/handoff", FakeUpstreams.HANDOFF, Token.CONSOLE),
                Arguments.of("/api/v1/handoffs/h-1", FakeUpstreams.HANDOFF, Token.CONSOLE),
                Arguments.of("/api/v1/settings/notifications", FakeUpstreams.NOTIFICATION, Token.CONSOLE),
                Arguments.of("/api/v1/notifications/deliveries", FakeUpstreams.NOTIFICATION, Token.CONSOLE));
    }

    enum Token {
        NONE, WIDGET, CONSOLE
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routeTable")
    void eachPathReachesTheServiceInTheRouteTable(String path, FakeUpstream service, Token token) {
        String query = "?probe=" + UUID.randomUUID();
        String authorization = switch (token) {
            case NONE -> null;
            case WIDGET -> bearer(TestTokens.widget("org-a"));
            case CONSOLE -> bearer(TestTokens.console("org-a"));
        };
        client.post()
                .uri(path + query)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hello\":\"world\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", service.name())
                .expectBody(String.class).isEqualTo("{\"hello\":\"world\"}");

        FakeUpstream.Call call = service.lastCallTo(path + query).orElseThrow();
        assertThat(call.header("host")).contains("localhost:" + port);
        assertThat(call.header("x-forwarded-for")).isPresent();
        assertThat(call.header("x-forwarded-proto")).contains("http");
        assertThat(call.header("x-forwarded-host")).contains("localhost:" + port);
        assertThat(call.header("authorization")).isEqualTo(Optional.ofNullable(authorization));
    }

    @Test
    void jwksIsPublicAndServedByIdentity() {
        client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo(TestTokens.KEY_ID);
    }

    @Test
    void orgApiKeyReachesIdentityUntouched() {
        String apiKey = "Bearer sk_live_" + UUID.randomUUID();
        client.post()
                .uri("/widget/authenticate-user")
                .header(HttpHeaders.AUTHORIZATION, apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"u-" + UUID.randomUUID() + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "identity");

        assertThat(FakeUpstreams.IDENTITY.callsTo("/widget/authenticate-user"))
                .anySatisfy(call -> assertThat(call.header("authorization")).contains(apiKey));
    }

    @Test
    void internalEndpointsAreNeverRouted() {
        client.get()
                .uri("/internal/v1/cors")
                .header("X-Internal-Token", FakeUpstreams.INTERNAL_TOKEN)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/not-found");

        assertThat(FakeUpstreams.IDENTITY.callsTo("/internal/v1/cors").stream()
                .filter(call -> call.header("x-forwarded-for").isPresent())).isEmpty();
    }

    @Test
    void dotSegmentsCannotReachInternalEndpoints() {
        String uri = "http://localhost:" + port + "/widget/v1/session/%2e%2e/%2e%2e/%2e%2e/internal/v1/cors";
        client.get()
                .uri(URI.create(uri))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(400, 404));

        assertThat(FakeUpstreams.IDENTITY.callsTo("/internal/v1/cors").stream()
                .filter(call -> call.header("x-forwarded-for").isPresent())).isEmpty();
    }

    @Test
    void unknownPathsAnswerNotFoundAsProblem() {
        client.get()
                .uri("/nothing/here")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void staticFilesAreServedWithoutAToken() {
        client.get()
                .uri("/widget.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("SupportChatTest"));
    }
}
