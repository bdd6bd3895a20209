package com.supportchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The login back-off per account and the per-org budget of new widget sessions. */
class AbuseLimitsIT extends IdentityIntegrationTest {

    @Test
    void afterFiveFailedLoginsTheAccountWaitsEvenWithTheRightPassword() {
        DemoOrg org = newOrg();

        for (int i = 0; i < 6; i++) {
            attempt(org.adminEmail(), "wrong-password-" + i).expectStatus().isUnauthorized();
        }
        // the sixth failure made the account wait 30 s: the right password is not even checked now
        attempt(org.adminEmail(), ADMIN_PASSWORD)
            .expectStatus().isEqualTo(429)
            .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 30L))
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/login-throttled");
        // the same answer for an email no operator has: the back-off does not tell who exists
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 6; i++) {
            attempt(nobody, "guess-" + i).expectStatus().isUnauthorized();
        }
        attempt(nobody, "guess-7").expectStatus().isEqualTo(429);
        // another account is not affected
        DemoOrg other = newOrg();
        login(other.adminEmail(), ADMIN_PASSWORD);

        // once the wait is over, the right password works and the failures are forgotten
        db.sql("UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE email = :email")
            .bind("email", org.adminEmail()).then().block();
        login(org.adminEmail(), ADMIN_PASSWORD);
        assertThat(count("SELECT count(*) FROM login_failures WHERE email = :email", Map.of("email", org.adminEmail())))
            .isZero();
    }

    @Test
    void anOrgOverItsBudgetOfNewSessionsGets429AndNoVisitorIsCreated() {
        DemoOrg org = newOrg();
        Map<String, Object> first = startSession(Map.of("widgetToken", org.widgetToken()));
        String visitorToken = (String) first.get("visitorToken");
        long visitors = visitorsOf(org);

        // the bucket is empty (as after 5,000 new visitors within the hour)
        db.sql("UPDATE org_session_budget SET tokens = 0, refilled_at = now() WHERE org_id = CAST(:org AS uuid)")
            .bind("org", org.orgId()).then().block();

        session(Map.of("widgetToken", org.widgetToken()))
            .expectStatus().isEqualTo(429)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/session-budget-exhausted");
        assertThat(visitorsOf(org)).isEqualTo(visitors);

        // a returning visitor costs nothing and still gets its session
        startSession(Map.of("widgetToken", org.widgetToken(), "visitorToken", visitorToken));
        // another org has its own budget
        startSession(Map.of("widgetToken", newOrg().widgetToken()));
    }

    private long visitorsOf(DemoOrg org) {
        return count("SELECT count(*) FROM visitors WHERE org_id = CAST(:org AS uuid)", Map.of("org", org.orgId()));
    }

    private WebTestClient.ResponseSpec attempt(String email, String password) {
        return client.post().uri("/api/v1/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange();
    }
}
