package com.supportchat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 15-minute access tokens, the rotating refresh cookie, logout, and deactivation or demotion ending a session. */
class ConsoleSessionIT extends IdentityIntegrationTest {

    @Test
    void aLoginGivesAShortAccessTokenAndAnHttpOnlyRefreshCookieThatRotates() throws Exception {
        DemoOrg org = newOrg();
        EntityExchangeResult<Map<String, Object>> login = loginWithCookie(org.adminEmail());
        ResponseCookie cookie = login.getResponseCookies().getFirst("supportchat_refresh");

        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/api/v1/auth");
        Instant exp = claims((String) login.getResponseBody().get("accessToken")).getExpirationTime().toInstant();
        assertThat(Duration.between(Instant.now(), exp)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));

        EntityExchangeResult<Map<String, Object>> refreshed = refresh(cookie.getValue()).expectStatus().isOk()
            .expectBody(JSON).returnResult();
        ResponseCookie next = refreshed.getResponseCookies().getFirst("supportchat_refresh");
        assertThat(next.getValue()).isNotEqualTo(cookie.getValue());
        String token = (String) refreshed.getResponseBody().get("accessToken");
        client.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        // the replaced cookie presented again (stolen and replayed): the whole login ends, the new cookie too
        refresh(cookie.getValue()).expectStatus().isUnauthorized();
        refresh(next.getValue()).expectStatus().isUnauthorized();
    }

    @Test
    void logoutEndsTheSession() {
        DemoOrg org = newOrg();
        String cookie = loginWithCookie(org.adminEmail()).getResponseCookies().getFirst("supportchat_refresh").getValue();

        EntityExchangeResult<byte[]> logout = client.post().uri("/api/v1/auth/logout")
            .cookie("supportchat_refresh", cookie).exchange()
            .expectStatus().isNoContent().expectBody().returnResult();
        assertThat(logout.getResponseCookies().getFirst("supportchat_refresh").getMaxAge()).isZero();

        refresh(cookie).expectStatus().isUnauthorized();
        client.post().uri("/api/v1/auth/refresh").exchange().expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
    }

    @Test
    void aDeactivatedOrDemotedOperatorCannotRefresh() {
        DemoOrg org = newOrg();
        String admin = login(org.adminEmail(), ADMIN_PASSWORD);
        Map<String, Object> agent = createOperator(admin, "agent");
        Map<String, Object> secondAdmin = createOperator(admin, "admin");
        EntityExchangeResult<Map<String, Object>> agentLogin = loginWithCookie((String) agent.get("email"));
        String agentCookie = agentLogin.getResponseCookies().getFirst("supportchat_refresh").getValue();
        String agentToken = (String) agentLogin.getResponseBody().get("accessToken");
        client.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(agentToken)).exchange().expectStatus().isOk();
        String adminCookie = loginWithCookie((String) secondAdmin.get("email")).getResponseCookies()
            .getFirst("supportchat_refresh").getValue();

        client.post().uri("/api/v1/operators/{id}/deactivate", agent.get("id")).headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk();
        client.patch().uri("/api/v1/operators/{id}", secondAdmin.get("id")).headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "agent"))
            .exchange().expectStatus().isOk();

        refresh(agentCookie).expectStatus().isUnauthorized();
        refresh(adminCookie).expectStatus().isUnauthorized();
        // the deactivated agent's unexpired access token stops working as soon as operator-access-changed is read
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/v1/auth/me")
            .headers(h -> h.setBearerAuth(agentToken)).exchange().expectStatus().isUnauthorized());
        // the demoted operator logs in again and gets a token with the new role
        String relogged = login((String) secondAdmin.get("email"), ADMIN_PASSWORD);
        assertThat(claims(relogged).getClaim("roles").toString()).contains("agent").doesNotContain("admin");
    }

    private EntityExchangeResult<Map<String, Object>> loginWithCookie(String email) {
        return client.post().uri("/api/v1/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", ADMIN_PASSWORD))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().exists(HttpHeaders.SET_COOKIE)
            .expectBody(JSON).returnResult();
    }

    private WebTestClient.ResponseSpec refresh(String cookie) {
        return client.post().uri("/api/v1/auth/refresh").cookie("supportchat_refresh", cookie).exchange();
    }
}
