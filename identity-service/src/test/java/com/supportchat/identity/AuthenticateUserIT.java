package com.supportchat.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticateUserIT extends IdentityIntegrationTest {

    @Test
    void backendWithScopedKeyGetsAContactTokenAndTheContactIsStoredWithTrustedData() throws Exception {
        DemoOrg org = newOrg();

        Map<String, Object> body = authenticateUser(org.apiKey(), Map.of("userId", "cust-1", "email", "c1@example.com",
                "name", "Cee", "customData", Map.of("plan", "enterprise", "seats", 12)));

        String contactId = (String) body.get("contactId");
        JWTClaimsSet claims = claims((String) body.get("token"));
        assertThat(claims.getAudience()).containsExactly("supportchat-contact");
        assertThat(claims.getSubject()).isEqualTo(contactId);
        assertThat(claims.getStringClaim("org")).isEqualTo(org.orgId());
        assertThat(claims.getStringClaim("uid")).isEqualTo("cust-1");
        assertThat(Instant.parse((String) body.get("expiresAt"))).isEqualTo(claims.getExpirationTime().toInstant());
        assertThat(count("SELECT count(*) FROM contacts WHERE id = :id::uuid AND org_id = :org::uuid AND trusted_data->>'plan' = 'enterprise'",
                Map.of("id", contactId, "org", org.orgId()))).isOne();

        Map<String, Object> again = authenticateUser(org.apiKey(), Map.of("userId", "cust-1"));
        assertThat(again.get("contactId")).as("same user, same contact").isEqualTo(contactId);
    }

    @Test
    void keyWithoutTheScopeIsForbidden() {
        DemoOrg org = newOrg();
        String adminToken = login(org.adminEmail(), ADMIN_PASSWORD);
        // an API key holding no scope at all is not possible through the API, so strip it in the database
        Map<String, Object> key = client.post().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(adminToken))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "reporting"))
            .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        db.sql("UPDATE api_keys SET scopes = '{}' WHERE id = :id::uuid").bind("id", key.get("id")).then().block();

        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth((String) key.get("secret")))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u"))
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden");
    }

    @Test
    void unknownMissingOrRevokedKeyIsUnauthorized() {
        DemoOrg org = newOrg();
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth("sk_live_unknown"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u"))
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
        client.post().uri("/widget/authenticate-user")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u"))
            .exchange()
            .expectStatus().isUnauthorized();

        String adminToken = login(org.adminEmail(), ADMIN_PASSWORD);
        List<Map<String, Object>> keys = client.get().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(adminToken))
            .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody();
        client.post().uri("/api/v1/api-keys/{id}/revoke", keys.get(0).get("id")).headers(h -> h.setBearerAuth(adminToken))
            .exchange().expectStatus().isOk();
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth(org.apiKey()))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u"))
            .exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void badBodyIsRejectedAndNoContactWritten() {
        DemoOrg org = newOrg();
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth(org.apiKey()))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "not-an-email"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("userId").contains("email"));
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth(org.apiKey()))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
            .exchange()
            .expectStatus().isBadRequest();

        assertThat(count("SELECT count(*) FROM contacts WHERE org_id = :org::uuid", Map.of("org", org.orgId()))).isZero();
    }
}
