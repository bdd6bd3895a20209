package com.supportchat.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.supportchat.gateway.cors.AllowedOriginsCache;
import com.supportchat.gateway.token.JwksKeySource;

/**
 * Shared set-up for every IT: the same properties and upstreams, hence one cached Spring context.
 * Limits are set low enough to reach in a test but high enough that other tests never hit them (each
 * test uses its own token subject or forwarded client address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "INTERNAL_API_TOKEN=" + FakeUpstreams.INTERNAL_TOKEN,
        "UPSTREAM_RESPONSE_TIMEOUT_MS=" + GatewayItSupport.RESPONSE_TIMEOUT_MS,
        "supportchat.gateway.edge.trust-forwarded-headers=true",
        "supportchat.gateway.edge.request-head-timeout=" + GatewayItSupport.REQUEST_HEAD_TIMEOUT_SECONDS + "s",
        "supportchat.gateway.tokens.jwks-min-refetch-interval=2s",
        "supportchat.gateway.rate-limit.anonymous.capacity=20",
        "supportchat.gateway.rate-limit.anonymous.refill-tokens=1",
        "supportchat.gateway.rate-limit.anonymous.refill-period=1h",
        "supportchat.gateway.rate-limit.authenticated.capacity=20",
        "supportchat.gateway.rate-limit.authenticated.refill-tokens=1",
        "supportchat.gateway.rate-limit.authenticated.refill-period=1h" })
abstract class GatewayItSupport {

    static final int REQUEST_HEAD_TIMEOUT_SECONDS = 2;

    /** Response timeout of request/response routes; SSE routes have none. */
    static final long RESPONSE_TIMEOUT_MS = 2000;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URI", FakeUpstreams.IDENTITY::baseUrl);
        registry.add("IDENTITY_JWKS_URI", () -> FakeUpstreams.IDENTITY.baseUrl() + "/.well-known/jwks.json");
        registry.add("CONVERSATION_URI", FakeUpstreams.CONVERSATION::baseUrl);
        registry.add("AI_URI", FakeUpstreams.AI::baseUrl);
        registry.add("HANDOFF_URI", FakeUpstreams.HANDOFF::baseUrl);
        registry.add("NOTIFICATION_URI", FakeUpstreams.NOTIFICATION::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JwksKeySource jwks;

    @Autowired
    AllowedOriginsCache allowedOrigins;

    WebTestClient client;

    @BeforeEach
    void gatewayReady() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        await().atMost(Duration.ofSeconds(60)).until(() -> jwks.isLoaded() && allowedOrigins.isLoaded());
    }

    String bearer(String token) {
        return "Bearer " + token;
    }
}
