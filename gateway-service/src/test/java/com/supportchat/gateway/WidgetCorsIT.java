package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class WidgetCorsIT extends GatewayItSupport {

    private static final String SHOP_A = "https://shop-a.example";

    private static final String SHOP_B = "https://shop-b.example";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        client.options()
                .uri("/widget/v1/conversations/c-1/messages")
                .header(HttpHeaders.ORIGIN, SHOP_A)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP_A)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        allowed -> assertThat(allowed).contains("Authorization", "Content-Type", "Last-Event-ID"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void anOrgAddedAMomentAgoCanUseItsOriginAtOnce() {
        String shopC = "https://shop-c-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        FakeUpstreams.CORS.set(FakeUpstreams.CORS_JSON.strip().replaceFirst("]$",
                ",{\"orgId\":\"org-c\",\"widgetToken\":\"wt-c\",\"allowedOrigins\":[\"" + shopC + "\"]}]"));
        try {
            // the scheduled refresh is every 30 s; a miss re-fetches at once (at most one per 2 s)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .pollInterval(java.time.Duration.ofMillis(250))
                    .untilAsserted(() -> client.options()
                            .uri("/widget/v1/session")
                            .header(HttpHeaders.ORIGIN, shopC)
                            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                            .exchange()
                            .expectStatus().isOk()
                            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, shopC));
            client.get()
                    .uri("/widget/v1/conversations")
                    .header(HttpHeaders.ORIGIN, shopC)
                    .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.widget("org-c")))
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, shopC);
        }
        finally {
            FakeUpstreams.CORS.set(FakeUpstreams.CORS_JSON);
        }
    }

    @Test
    void preflightFromAnUnknownOriginIsForbidden() {
        client.options()
                .uri("/widget/v1/session")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden");
    }

    @Test
    void widgetCallFromItsOwnOrgsOriginGetsCorsHeaders() {
        client.get()
                .uri("/widget/v1/conversations")
                .header(HttpHeaders.ORIGIN, SHOP_A)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.widget("org-a")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "conversation")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP_A)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void widgetTokenUsedFromAnotherOrgsOriginIsForbidden() {
        String uri = "/widget/v1/conversations?probe=" + UUID.randomUUID();
        client.get()
                .uri(uri)
                .header(HttpHeaders.ORIGIN, SHOP_B)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.widget("org-a")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(FakeUpstreams.CONVERSATION.callsTo(uri)).isEmpty();
    }

    @Test
    void sessionFromAnyKnownOriginIsPassedToIdentityWithCorsHeaders() {
        client.post()
                .uri("/widget/v1/session")
                .header(HttpHeaders.ORIGIN, SHOP_B)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"widgetToken\":\"wt-b\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "identity")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP_B);
    }

    @Test
    void authenticateUserIsServerToServerWithoutCors() {
        client.post()
                .uri("/widget/authenticate-user")
                .header(HttpHeaders.ORIGIN, SHOP_A)
                .header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"u-1\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void widgetAnswersWithoutAnOriginStillVaryByOrigin() {
        client.post()
                .uri("/widget/v1/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"widgetToken\":\"wt-a\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"));
    }
}
