package com.supportchat.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing secret reaches the logs while the secret-handling endpoints do their work, or fail. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT extends IdentityIntegrationTest {

    @Test
    void tokensKeysAndPasswordsNeverAppearInTheLogs(CapturedOutput output) {
        DemoOrg org = newOrg();
        String adminToken = login(org.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> key = client.post().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(adminToken))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "log-test"))
            .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String apiKey = (String) key.get("secret");
        Map<String, Object> contact = authenticateUser(apiKey, Map.of("userId", "log-user", "email", "log@example.com"));
        String contactToken = (String) contact.get("token");
        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(), "userToken", contactToken));
        String visitorToken = (String) session.get("visitorToken");
        String accessToken = (String) session.get("accessToken");
        // failures too: wrong password, bad tokens
        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", org.adminEmail(), "password", "a-wrong-Password-123")).exchange()
            .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(accessToken)).exchange()
            .expectStatus().isUnauthorized();
        session(Map.of("widgetToken", org.widgetToken(), "userToken", contactToken + "tampered"))
            .expectStatus().isUnauthorized();

        for (String secret : List.of(org.apiKey(), apiKey, adminToken, contactToken, visitorToken, accessToken,
                ADMIN_PASSWORD, "a-wrong-Password-123")) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }
}
