package com.supportchat.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.supportchat.identity.signing.SigningKeys;
import com.supportchat.identity.signing.TokenSigner;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tokens open {@code /api/**}: only unexpired operator tokens we signed, with the right role. */
class ConsoleSecurityIT extends IdentityIntegrationTest {

    @Autowired
    SigningKeys signingKeys;

    private final TokenSigner signer = new TokenSigner("supportchat-identity");

    @Test
    void jwksListsTheKeyEveryTokenNamesInItsHeader() throws Exception {
        DemoOrg org = newOrg();
        String token = login(org.adminEmail(), ADMIN_PASSWORD);
        String kid = SignedJWT.parse(token).getHeader().getKeyID();

        Map<String, Object> jwks = client.get().uri("/.well-known/jwks.json").exchange()
            .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).anySatisfy(key -> assertThat(key).containsEntry("kid", kid).containsEntry("kty", "RSA")
            .containsEntry("alg", "RS256").containsEntry("use", "sig"));
        assertThat(keys).allSatisfy(key -> assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
    }

    @Test
    void adminTokenOpensAdminEndpoints() {
        DemoOrg org = newOrg();
        String token = login(org.adminEmail(), ADMIN_PASSWORD);
        client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        DemoOrg org = newOrg();
        String none = new PlainJWT(consoleClaims(org, Instant.now(), Duration.ofHours(1))).serialize();
        expectUnauthorized(none);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejectedEvenUnderOurKid() throws Exception {
        DemoOrg org = newOrg();
        RSAKey ours = signingKeys.activeKey().block();
        RSAKey forged = SigningKeys.generateKey(ours.getKeyID());
        RSAKey stranger = SigningKeys.generateKey("someone-elses-kid");

        expectUnauthorized(sign(forged, "supportchat-console", org, Instant.now(), Duration.ofHours(1)));
        expectUnauthorized(sign(stranger, "supportchat-console", org, Instant.now(), Duration.ofHours(1)));
    }

    @Test
    void expiredOperatorTokenIsRejected() {
        DemoOrg org = newOrg();
        RSAKey ours = signingKeys.activeKey().block();
        expectUnauthorized(sign(ours, "supportchat-console", org, Instant.now().minus(Duration.ofHours(13)),
                Duration.ofHours(12)));
    }

    @Test
    void widgetAndContactTokensDoNotOpenTheConsoleApi() {
        DemoOrg org = newOrg();
        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken()));
        Map<String, Object> contact = authenticateUser(org.apiKey(), Map.of("userId", "u-1"));

        expectUnauthorized((String) session.get("accessToken"));
        expectUnauthorized((String) contact.get("token"));
        // even a widget-audience token that claims the admin role
        expectUnauthorized(sign(signingKeys.activeKey().block(), "supportchat-widget", org, Instant.now(),
                Duration.ofHours(1)));
    }

    @Test
    void agentsAreForbiddenOnAdminEndpoints() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> agent = createOperator(admin, "agent");
        String agentToken = login((String) agent.get("email"), ADMIN_PASSWORD);

        for (String path : List.of("/api/v1/operators", "/api/v1/api-keys")) {
            client.get().uri(path).headers(h -> h.setBearerAuth(agentToken)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden");
        }
        client.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(agentToken)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.role").isEqualTo("agent");
    }

    @Test
    void healthAndMetricsAreOpenAndUnknownPathsAreProblems() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).value(body -> assertThat(body).contains("supportchat_identity_sessions"));
        client.get().uri("/widget/v1/nothing-here").exchange().expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void missingTokenIsUnauthorizedAsProblem() {
        client.get().uri("/api/v1/operators").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
    }

    private void expectUnauthorized(String token) {
        WebTestClient.BodyContentSpec body = client.get().uri("/api/v1/operators").headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody();
        body.jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
    }

    private String sign(RSAKey key, String audience, DemoOrg org, Instant issuedAt, Duration ttl) {
        String operatorId = UUID.randomUUID().toString();
        return signer.sign(key, audience, operatorId, issuedAt, ttl,
                Map.of("org", org.orgId(), "roles", List.of("admin"), "name", "Mallory", "email", "m@example.com"))
            .token();
    }

    private static JWTClaimsSet consoleClaims(DemoOrg org, Instant issuedAt, Duration ttl) {
        return new JWTClaimsSet.Builder()
            .issuer("supportchat-identity")
            .audience("supportchat-console")
            .subject(UUID.randomUUID().toString())
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(ttl)))
            .claim("org", org.orgId())
            .claim("roles", List.of("admin"))
            .build();
    }
}
