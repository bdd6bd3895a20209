package com.supportchat.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.supportchat.identity.secret.Secrets;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyIT extends IdentityIntegrationTest {

    @Test
    void secretIsShownOnceAndStoredOnlyAsAHash() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);

        Map<String, Object> created = client.post().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "backend", "scopes", List.of("widget:authenticate-user")))
            .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String secret = (String) created.get("secret");
        assertThat(secret).startsWith("sk_live_").hasSizeGreaterThan(40);
        assertThat((String) created.get("prefix")).isEqualTo(secret.substring(0, 14));

        Map<String, Object> row = db.sql("SELECT * FROM api_keys WHERE id = :id::uuid").bind("id", created.get("id"))
            .fetch().one().block();
        assertThat(row).isNotNull();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        assertThat(row.get("secret_hash")).isEqualTo(Secrets.sha256(secret));

        List<Map<String, Object>> listed = client.get().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody();
        assertThat(listed).extracting(key -> key.get("id")).contains(created.get("id"));
        assertThat(listed).allSatisfy(key -> assertThat(key).doesNotContainKey("secret"));

        authenticateUser(secret, Map.of("userId", "works"));
        client.delete().uri("/api/v1/api-keys/{id}", created.get("id")).headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isNoContent();
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth(secret))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u")).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void unknownScopeIsRejected() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        client.post().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x", "scopes", List.of("everything")))
            .exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation");
    }
}
