package com.supportchat.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import com.supportchat.identity.signing.SigningKeys;
import com.supportchat.identity.signing.TokenSigner;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIT extends IdentityIntegrationTest {

    @Autowired
    SigningKeys signingKeys;

    @Test
    void newBrowserGetsAnAnonymousVisitorAndAWidgetToken() throws Exception {
        DemoOrg org = newOrg();

        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken()));

        Map<String, Object> identity = map(session.get("identity"));
        assertThat(identity.get("type")).isEqualTo("anonymous");
        assertThat(identity).doesNotContainKeys("contactId", "externalId");
        assertThat((String) session.get("visitorToken")).startsWith("vt_");
        assertThat(map(session.get("config"))).containsEntry("operatorLabel", "Support Agent")
            .containsEntry("orgId", org.orgId());

        JWTClaimsSet claims = claims((String) session.get("accessToken"));
        String visitorId = (String) identity.get("visitorId");
        assertThat(claims.getAudience()).containsExactly("supportchat-widget");
        assertThat(claims.getIssuer()).isEqualTo("supportchat-identity");
        assertThat(claims.getSubject()).isEqualTo(visitorId);
        assertThat(claims.getStringClaim("vid")).isEqualTo(visitorId);
        assertThat(claims.getStringClaim("org")).isEqualTo(org.orgId());
        assertThat(claims.getStringClaim("idt")).isEqualTo("anonymous");
        assertThat(claims.getStringClaim("owner")).isEqualTo("visitor:" + visitorId);
        assertThat(claims.getClaim("cid")).isNull();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
        assertThat(count("SELECT count(*) FROM visitors WHERE token_hash = :token",
                Map.of("token", session.get("visitorToken")))).as("visitor token stored only as a hash").isZero();
    }

    @Test
    void returningBrowserIsTheSameAnonymousVisitor() {
        DemoOrg org = newOrg();
        Map<String, Object> first = startSession(Map.of("widgetToken", org.widgetToken()));

        Map<String, Object> again = startSession(Map.of("widgetToken", org.widgetToken(),
                "visitorToken", first.get("visitorToken")));

        assertThat(again.get("visitorToken")).isEqualTo(first.get("visitorToken"));
        assertThat(map(again.get("identity")).get("visitorId")).isEqualTo(map(first.get("identity")).get("visitorId"));
        assertThat(map(again.get("identity")).get("type")).isEqualTo("anonymous");
    }

    @Test
    void unknownVisitorTokenStartsANewVisitor() {
        DemoOrg org = newOrg();
        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(),
                "visitorToken", "vt_not-a-token-we-issued"));

        assertThat(session.get("visitorToken")).isNotEqualTo("vt_not-a-token-we-issued");
        assertThat(map(session.get("identity")).get("type")).isEqualTo("anonymous");
    }

    @Test
    void nameAndEmailFromTheBrowserMakeANonVerifiedVisitorOwningItsOwnHistory() throws Exception {
        DemoOrg org = newOrg();
        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(),
                "user", Map.of("name", "Ada", "email", "ada@example.com", "extra", Map.of("plan", "gold")),
                "metadata", Map.of("browser", "Firefox", "timezone", "Europe/Berlin", "pageUrl", "https://shop.example/x")));

        Map<String, Object> identity = map(session.get("identity"));
        String visitorId = (String) identity.get("visitorId");
        assertThat(identity).containsEntry("type", "non_verified").containsEntry("name", "Ada")
            .containsEntry("email", "ada@example.com").doesNotContainKey("contactId");
        JWTClaimsSet claims = claims((String) session.get("accessToken"));
        assertThat(claims.getStringClaim("idt")).isEqualTo("non_verified");
        assertThat(claims.getStringClaim("owner")).isEqualTo("visitor:" + visitorId);
        assertThat(claims.getStringClaim("email")).isEqualTo("ada@example.com");
        assertThat(count("SELECT count(*) FROM visitors WHERE id = :id::uuid AND untrusted_data->>'plan' = 'gold' AND metadata->>'browser' = 'Firefox'",
                Map.of("id", visitorId))).isOne();
    }

    @Test
    void validContactTokenMakesTheVisitorVerifiedAndTheContactOwnsTheHistory() throws Exception {
        DemoOrg org = newOrg();
        Map<String, Object> contact = authenticateUser(org.apiKey(),
                Map.of("userId", "user-42", "email", "grace@example.com", "name", "Grace"));

        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(),
                "userToken", contact.get("token"), "user", Map.of("email", "typed@example.com")));

        Map<String, Object> identity = map(session.get("identity"));
        String contactId = (String) contact.get("contactId");
        assertThat(identity).containsEntry("type", "verified").containsEntry("contactId", contactId)
            .containsEntry("name", "Grace").containsEntry("email", "grace@example.com");
        JWTClaimsSet claims = claims((String) session.get("accessToken"));
        assertThat(claims.getStringClaim("idt")).isEqualTo("verified");
        assertThat(claims.getStringClaim("cid")).isEqualTo(contactId);
        assertThat(claims.getStringClaim("owner")).isEqualTo("contact:" + contactId);
        assertThat(claims.getClaim("xid")).isNull();
    }

    @Test
    void externalIdScopesAVerifiedContactsHistory() throws Exception {
        DemoOrg org = newOrg();
        Map<String, Object> contact = authenticateUser(org.apiKey(), Map.of("userId", "user-7", "externalId", "workspace-a"));
        Map<String, Object> contactInB = authenticateUser(org.apiKey(), Map.of("userId", "user-7", "externalId", "workspace-b"));
        String contactId = (String) contact.get("contactId");

        Map<String, Object> workspaceA = startSession(Map.of("widgetToken", org.widgetToken(),
                "userToken", contact.get("token"), "externalId", "workspace-a"));
        Map<String, Object> workspaceB = startSession(Map.of("widgetToken", org.widgetToken(),
                "userToken", contactInB.get("token"), "externalId", "workspace-b"));

        assertThat(claims((String) workspaceA.get("accessToken")).getStringClaim("owner"))
            .isEqualTo("contact:" + contactId + "#workspace-a");
        assertThat(claims((String) workspaceA.get("accessToken")).getStringClaim("xid")).isEqualTo("workspace-a");
        assertThat(claims((String) workspaceB.get("accessToken")).getStringClaim("owner"))
            .isEqualTo("contact:" + contactId + "#workspace-b");
        assertThat(map(workspaceB.get("identity"))).containsEntry("externalId", "workspace-b");
    }

    @Test
    void theTokensExternalIdScopesTheSessionWhenThePageLeavesItOut() throws Exception {
        DemoOrg org = newOrg();
        Map<String, Object> contact = authenticateUser(org.apiKey(), Map.of("userId", "user-8", "externalId", "workspace-a"));

        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(), "userToken", contact.get("token")));

        assertThat(claims((String) session.get("accessToken")).getStringClaim("owner"))
            .isEqualTo("contact:" + contact.get("contactId") + "#workspace-a");
        assertThat(claims((String) contact.get("token")).getStringClaim("xid")).isEqualTo("workspace-a");
    }

    @Test
    void anExternalIdOtherThanTheTokensIsRejectedAndNothingIsWritten() {
        DemoOrg org = newOrg();
        Map<String, Object> scoped = authenticateUser(org.apiKey(), Map.of("userId", "user-9", "externalId", "workspace-a"));
        Map<String, Object> unscoped = authenticateUser(org.apiKey(), Map.of("userId", "user-10"));
        Map<String, Object> binds = Map.of("org", UUID.fromString(org.orgId()));
        long outboxBefore = count("SELECT count(*) FROM outbox WHERE org_id = :org::text", binds);

        session(Map.of("widgetToken", org.widgetToken(), "userToken", scoped.get("token"), "externalId", "workspace-b"))
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
        session(Map.of("widgetToken", org.widgetToken(), "userToken", unscoped.get("token"), "externalId", "workspace-a"))
            .expectStatus().isUnauthorized();

        assertThat(count("SELECT count(*) FROM visitors WHERE org_id = :org", binds)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE org_id = :org::text", binds)).isEqualTo(outboxBefore);
    }

    @Test
    void aVisitorTokenIdleForLongerThanThirtyDaysHasExpired() {
        DemoOrg org = newOrg();
        Map<String, Object> recent = startSession(Map.of("widgetToken", org.widgetToken()));
        Map<String, Object> idle = startSession(Map.of("widgetToken", org.widgetToken()));
        lastSeen(recent, Duration.ofDays(29));
        lastSeen(idle, Duration.ofDays(31));

        Map<String, Object> recentAgain = startSession(Map.of("widgetToken", org.widgetToken(),
                "visitorToken", recent.get("visitorToken")));
        Map<String, Object> idleAgain = startSession(Map.of("widgetToken", org.widgetToken(),
                "visitorToken", idle.get("visitorToken")));

        assertThat(map(recentAgain.get("identity")).get("visitorId")).isEqualTo(map(recent.get("identity")).get("visitorId"));
        assertThat(map(idleAgain.get("identity")).get("visitorId")).as("a new visitor, with none of the old history")
            .isNotEqualTo(map(idle.get("identity")).get("visitorId"));
        assertThat(idleAgain.get("visitorToken")).isNotEqualTo(idle.get("visitorToken"));
    }

    private void lastSeen(Map<String, Object> session, Duration ago) {
        db.sql("UPDATE visitors SET last_seen_at = now() - make_interval(days => :days) WHERE id = :id")
            .bind("days", (int) ago.toDays())
            .bind("id", UUID.fromString((String) map(session.get("identity")).get("visitorId")))
            .then().block();
    }

    @Test
    void thePageUrlIsStoredWithoutItsQueryStringOrFragment() {
        DemoOrg org = newOrg();

        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(), "metadata",
                Map.of("pageUrl", "https://shop.example/account/reset?token=s3cret&email=a%40b.example#step-2",
                        "referrer", "https://mail.example/inbox?message=42")));

        UUID visitorId = UUID.fromString((String) map(session.get("identity")).get("visitorId"));
        Map<String, Object> stored = db.sql("SELECT metadata->>'pageUrl' AS page, metadata->>'referrer' AS referrer, "
                + "metadata::text AS everything FROM visitors WHERE id = :id")
            .bind("id", visitorId).fetch().one().block();
        assertThat(stored).containsEntry("page", "https://shop.example/account/reset")
            .containsEntry("referrer", "https://mail.example/inbox");
        assertThat((String) stored.get("everything")).doesNotContain("s3cret").doesNotContain("step-2");
    }

    @Test
    void externalIdWithoutAContactTokenSelectsNothing() throws Exception {
        DemoOrg org = newOrg();
        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(), "externalId", "workspace-a"));

        JWTClaimsSet claims = claims((String) session.get("accessToken"));
        assertThat(claims.getStringClaim("owner")).startsWith("visitor:");
        assertThat(claims.getClaim("xid")).isNull();
    }

    @Test
    void anotherOrgsContactTokenIsRejectedNotDowngraded() {
        DemoOrg orgA = newOrg();
        DemoOrg orgB = newOrg();
        Map<String, Object> contactOfB = authenticateUser(orgB.apiKey(), Map.of("userId", "user-b"));

        session(Map.of("widgetToken", orgA.widgetToken(), "userToken", contactOfB.get("token")))
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
    }

    @Test
    void expiredOrForgedContactTokenIsRejected() {
        DemoOrg org = newOrg();
        Map<String, Object> contact = authenticateUser(org.apiKey(), Map.of("userId", "user-x"));
        String contactId = (String) contact.get("contactId");
        String expired = new TokenSigner("supportchat-identity").sign(signingKeys.activeKey().block(),
                "supportchat-contact", contactId, Instant.now().minus(Duration.ofDays(2)), Duration.ofDays(1),
                Map.of("org", org.orgId(), "uid", "user-x")).token();
        String widgetAudience = new TokenSigner("supportchat-identity").sign(signingKeys.activeKey().block(),
                "supportchat-widget", contactId, Instant.now(), Duration.ofHours(1), Map.of("org", org.orgId())).token();

        session(Map.of("widgetToken", org.widgetToken(), "userToken", expired)).expectStatus().isUnauthorized();
        session(Map.of("widgetToken", org.widgetToken(), "userToken", widgetAudience)).expectStatus().isUnauthorized();
        session(Map.of("widgetToken", org.widgetToken(), "userToken", "garbage")).expectStatus().isUnauthorized();
    }

    @Test
    void unknownWidgetTokenIsUnauthorized() {
        session(Map.of("widgetToken", "wt_unknown"))
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void originOutsideTheAllowedListIsForbidden() {
        DemoOrg org = newOrg("https://shop.example");

        client.post().uri("/widget/v1/session").header("Origin", "https://evil.example")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("widgetToken", org.widgetToken()))
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden");
        client.post().uri("/widget/v1/session").header("Origin", "https://shop.example")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("widgetToken", org.widgetToken()))
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void invalidBodySaysWhatIsWrongAndWritesNothing() {
        DemoOrg org = newOrg();
        long visitorsBefore = count("SELECT count(*) FROM visitors WHERE org_id = :org::uuid", Map.of("org", org.orgId()));

        session(Map.of("widgetToken", org.widgetToken(), "user", Map.of("email", "not-an-email")))
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("user.email"));
        session(Map.of("visitorToken", "x")).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("widgetToken"));

        assertThat(count("SELECT count(*) FROM visitors WHERE org_id = :org::uuid", Map.of("org", org.orgId())))
            .isEqualTo(visitorsBefore);
    }

    @Test
    void oversizedVisitorDataIsRejectedAndWritesNothing() {
        DemoOrg org = newOrg();
        Map<String, Object> first = startSession(Map.of("widgetToken", org.widgetToken(),
                "user", Map.of("extra", Map.of("plan", "gold"))));
        String visitorId = (String) map(first.get("identity")).get("visitorId");
        Map<String, Object> tooMuch = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            tooMuch.put("field" + i, "v".repeat(900)); // each field fits, together they are over 8 KiB
        }
        long outboxBefore = count("SELECT count(*) FROM outbox WHERE org_id = :org", Map.of("org", org.orgId()));

        for (Map<String, Object> extra : List.of(tooMuch, Map.<String, Object>of("big", "v".repeat(2000)),
                Map.<String, Object>of("k".repeat(101), "v"))) {
            session(Map.of("widgetToken", org.widgetToken(), "visitorToken", first.get("visitorToken"),
                    "user", Map.of("extra", extra)))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("user.extra: "));
        }
        session(Map.of("widgetToken", org.widgetToken(), "user", Map.of("extra", tooMuch)))
            .expectStatus().isBadRequest();

        assertThat(count("SELECT count(*) FROM visitors WHERE org_id = :org::uuid", Map.of("org", org.orgId())))
            .as("no new visitor").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM visitors WHERE id = :id::uuid AND untrusted_data = '{\"plan\": \"gold\"}'::jsonb",
                Map.of("id", visitorId))).as("the returning visitor's data unchanged").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE org_id = :org", Map.of("org", org.orgId())))
            .as("no event").isEqualTo(outboxBefore);
    }

    @Test
    void visitorDataThatWouldGrowPastTheBoundAcrossVisitsIsReplacedByTheNewest() {
        DemoOrg org = newOrg();
        Map<String, Object> first = startSession(Map.of("widgetToken", org.widgetToken(),
                "user", Map.of("extra", Map.of("a", "v".repeat(1000), "b", "v".repeat(1000), "c", "v".repeat(1000),
                        "d", "v".repeat(1000), "e", "v".repeat(1000)))));
        Map<String, Object> second = startSession(Map.of("widgetToken", org.widgetToken(),
                "visitorToken", first.get("visitorToken"),
                "user", Map.of("extra", Map.of("f", "v".repeat(1000), "g", "v".repeat(1000), "h", "v".repeat(1000),
                        "i", "v".repeat(1000)))));
        String visitorId = (String) map(second.get("identity")).get("visitorId");

        assertThat(count("SELECT count(*) FROM visitors WHERE id = :id::uuid AND untrusted_data->>'f' IS NOT NULL"
                + " AND untrusted_data->>'a' IS NULL"
                + " AND octet_length(untrusted_data::text) <= 8192", Map.of("id", visitorId))).isEqualTo(1);
    }
}
