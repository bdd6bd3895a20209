package com.supportchat.identity;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorIT extends IdentityIntegrationTest {

    @Test
    void loginAnswersAConsoleTokenAndTheOperator() throws Exception {
        DemoOrg org = newOrg();

        Map<String, Object> body = client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", org.adminEmail().toUpperCase(), "password", ADMIN_PASSWORD))
            .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        Map<String, Object> operator = map(body.get("operator"));
        assertThat(operator).containsEntry("email", org.adminEmail()).containsEntry("role", "admin")
            .containsEntry("orgId", org.orgId()).containsKeys("id", "name");
        JWTClaimsSet claims = claims((String) body.get("accessToken"));
        assertThat(claims.getAudience()).containsExactly("supportchat-console");
        assertThat(claims.getSubject()).isEqualTo(operator.get("id"));
        assertThat(claims.getStringClaim("org")).isEqualTo(org.orgId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
        assertThat(claims.getStringClaim("email")).isEqualTo(org.adminEmail());
        // 15 minutes: the console session lives on through the refresh cookie (ConsoleSessionIT)
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(15 * 60_000L);
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesIsAValidationProblemEverywhere() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        // 37 characters, 74 bytes in UTF-8: within every character limit, over BCrypt's
        String tooLong = "ü".repeat(37);
        String fits = "ü".repeat(36);

        expectValidationProblem(client.post().uri("/api/v1/operators").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "long-" + org.slug() + "@example.com", "password", tooLong, "name", "Long",
                    "role", "agent")));
        expectValidationProblem(client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", org.adminEmail(), "password", tooLong)));
        expectValidationProblem(client.post().uri("/internal/v1/orgs").header("X-Internal-Token", INTERNAL_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Long", "slug", "long-" + org.slug(), "admin",
                    Map.of("email", "admin-long-" + org.slug() + "@example.com", "password", tooLong, "name", "A"))));
        assertThat(count("SELECT count(*) FROM orgs WHERE slug = :slug", Map.of("slug", "long-" + org.slug()))).isZero();

        client.post().uri("/api/v1/operators").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "fits-" + org.slug() + "@example.com", "password", fits, "name", "Fits",
                    "role", "agent"))
            .exchange().expectStatus().isCreated();
        assertThat(login("fits-" + org.slug() + "@example.com", fits)).isNotBlank();
    }

    private static void expectValidationProblem(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("password"));
    }

    @Test
    void wrongPasswordUnknownEmailAndDeactivatedAccountAllLookTheSame() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> agent = createOperator(admin, "agent");
        client.post().uri("/api/v1/operators/{id}/deactivate", agent.get("id")).headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);

        String wrongPassword = failedLogin(org.adminEmail(), "wrong-password");
        String unknown = failedLogin("nobody@example.com", ADMIN_PASSWORD);
        String deactivated = failedLogin((String) agent.get("email"), ADMIN_PASSWORD);

        assertThat(wrongPassword).isEqualTo(unknown).isEqualTo(deactivated);
    }

    @Test
    void adminManagesOperatorsOfTheirOrg() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> agent = createOperator(admin, "agent");

        List<Map<String, Object>> operators = client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody();
        assertThat(operators).extracting(op -> op.get("email")).containsExactlyInAnyOrder(org.adminEmail(), agent.get("email"));
        assertThat(operators).allSatisfy(op -> assertThat(op).doesNotContainKeys("password", "passwordHash"));

        client.patch().uri("/api/v1/operators/{id}", agent.get("id")).headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "admin"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("admin");

        client.post().uri("/api/v1/operators").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", agent.get("email"), "password", ADMIN_PASSWORD, "name", "Dup", "role", "agent"))
            .exchange().expectStatus().isEqualTo(409);
        client.post().uri("/api/v1/operators").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "x@example.com", "password", "short", "name", "X", "role", "boss"))
            .exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("password").contains("role"));
    }

    @Test
    void deactivatedOrDemotedAdminLosesAdminPowersAtOnceDespiteALiveToken() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> second = createOperator(admin, "admin");
        Map<String, Object> third = createOperator(admin, "admin");
        String secondToken = login((String) second.get("email"), ADMIN_PASSWORD);
        String thirdToken = login((String) third.get("email"), ADMIN_PASSWORD);
        client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(secondToken)).exchange().expectStatus().isOk();

        client.post().uri("/api/v1/operators/{id}/deactivate", second.get("id")).headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk();
        client.patch().uri("/api/v1/operators/{id}", third.get("id")).headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "agent"))
            .exchange().expectStatus().isOk();

        client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(secondToken)).exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(thirdToken)).exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherOrgsOperatorsAndApiKeysAreNotFound() {
        DemoOrg orgA = newOrg();
        DemoOrg orgB = newOrg();
        String adminA = login(orgA.adminEmail(), ADMIN_PASSWORD);
        String adminB = login(orgB.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> agentOfA = createOperator(adminA, "agent");
        List<Map<String, Object>> keysOfA = client.get().uri("/api/v1/api-keys").headers(h -> h.setBearerAuth(adminA))
            .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody();
        Object keyOfA = keysOfA.get(0).get("id");

        expectNotFound(client.get().uri("/api/v1/operators/{id}", agentOfA.get("id")).headers(h -> h.setBearerAuth(adminB)));
        expectNotFound(client.post().uri("/api/v1/operators/{id}/deactivate", agentOfA.get("id")).headers(h -> h.setBearerAuth(adminB)));
        expectNotFound(client.get().uri("/api/v1/api-keys/{id}", keyOfA).headers(h -> h.setBearerAuth(adminB)));
        expectNotFound(client.post().uri("/api/v1/api-keys/{id}/revoke", keyOfA).headers(h -> h.setBearerAuth(adminB)));
        expectNotFound(client.delete().uri("/api/v1/api-keys/{id}", keyOfA).headers(h -> h.setBearerAuth(adminB)));

        List<Map<String, Object>> operatorsSeenByB = client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(adminB))
            .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody();
        assertThat(operatorsSeenByB).extracting(op -> op.get("id")).doesNotContain(agentOfA.get("id"));
        // and the agent of A is untouched
        login((String) agentOfA.get("email"), ADMIN_PASSWORD);
        client.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth(orgA.apiKey()))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", "u")).exchange().expectStatus().isCreated();
    }

    private void expectNotFound(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/not-found");
    }

    private String failedLogin(String email, String password) {
        return client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class).returnResult().getResponseBody();
    }
}
