package com.supportchat.identity;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;

import com.supportchat.testsupport.ServiceInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every integration test: one Spring context (identical configuration everywhere) against the
 * real PostgreSQL and the in-process Kafka broker. Tests isolate themselves by creating their own orgs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IdentityIntegrationTest {

    /** Not the public default: without a local profile the service would refuse to start with that one. */
    protected static final String INTERNAL_TOKEN = "it-internal-token";
    protected static final String ADMIN_PASSWORD = "correct-horse-battery";
    protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    protected static final tools.jackson.core.type.TypeReference<Map<String, Object>> JSON_MAP =
            new tools.jackson.core.type.TypeReference<>() {
            };

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        ServiceInfrastructure.register(r, "identity-service");
        r.add("supportchat.identity.internal.token", () -> INTERNAL_TOKEN);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    protected WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    /** A fresh org through the internal bootstrap: widget token, admin and an API key. */
    protected DemoOrg newOrg(String... allowedOrigins) {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + slug + "@example.com";
        Map<String, Object> body = client.post().uri("/internal/v1/orgs")
            .header("X-Internal-Token", INTERNAL_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Org " + slug, "slug", slug, "allowedOrigins", List.of(allowedOrigins),
                    "admin", Map.of("email", email, "password", ADMIN_PASSWORD, "name", "Admin " + slug)))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
        return new DemoOrg((String) body.get("orgId"), slug, (String) body.get("widgetToken"),
                (String) body.get("apiKey"), email);
    }

    protected String login(String email, String password) {
        Map<String, Object> body = client.post().uri("/api/v1/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    protected Map<String, Object> createOperator(String adminToken, String role) {
        return client.post().uri("/api/v1/operators")
            .headers(h -> h.setBearerAuth(adminToken))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", role + "-" + UUID.randomUUID() + "@example.com", "password", ADMIN_PASSWORD,
                    "name", "An " + role, "role", role))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JSON).returnResult().getResponseBody();
    }

    protected Map<String, Object> authenticateUser(String apiKey, Map<String, Object> user) {
        return client.post().uri("/widget/authenticate-user")
            .headers(h -> h.setBearerAuth(apiKey))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(user)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JSON).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec session(Map<String, Object> body) {
        return client.post().uri("/widget/v1/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    protected Map<String, Object> startSession(Map<String, Object> body) {
        return session(body).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    protected static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        }
        catch (ParseException ex) {
            throw new AssertionError("Not a signed JWT", ex);
        }
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    protected long count(String sql, Map<String, Object> binds) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> row.get(0, Long.class)).one().block();
    }

    protected record DemoOrg(String orgId, String slug, String widgetToken, String apiKey, String adminEmail) {
    }
}
