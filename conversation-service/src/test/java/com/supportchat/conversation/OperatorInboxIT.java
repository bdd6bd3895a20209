package com.supportchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import com.supportchat.conversation.support.IntegrationTest;
import com.supportchat.testsupport.TestTokens;
import com.supportchat.events.Topics;
import com.supportchat.testsupport.CloudEventTestClient;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;

class OperatorInboxIT extends IntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void inboxGroupsConversationsByCustomerAndFiltersByStatus() {
        String org = newOrg();
        String operator = TestTokens.operator(org, "op-1", "Jane", "agent");
        String ann = TestTokens.anonymousVisitor(org, "v-ann-" + newId());
        String bob = TestTokens.anonymousVisitor(org, "v-bob-" + newId());
        String annFirst = (String) startConversation(ann, "first question").get("id");
        startConversation(ann, "second question");
        String bobs = (String) startConversation(bob, "bob's question").get("id");
        http.post().uri("/api/v1/conversations/{id}/escalate", annFirst).headers(h -> h.setBearerAuth(operator))
            .exchange().expectStatus().isOk();

        Map<String, Object> all = http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(operator))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> groups = (List<Map<String, Object>>) all.get("groups");
        assertThat(groups).hasSize(2);
        // Ann's escalation is the newest activity
        assertThat(groups.get(0)).containsEntry("conversationCount", 2);
        assertThat(((Map<String, Object>) groups.get(0).get("customer"))).containsEntry("identityType", "anonymous");
        assertThat(groups.get(1)).containsEntry("conversationCount", 1).containsEntry("lastMessagePreview", "bob's question");
        assertThat((List<Map<String, Object>>) groups.get(1).get("conversations"))
            .extracting(c -> c.get("id")).containsExactly(bobs);

        Map<String, Object> escalated = http.get().uri("/api/v1/conversations?status=ESCALATED")
            .headers(h -> h.setBearerAuth(operator)).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> escalatedGroups = (List<Map<String, Object>>) escalated.get("groups");
        assertThat(escalatedGroups).hasSize(1);
        assertThat(escalatedGroups.get(0)).containsEntry("conversationCount", 1).containsEntry("status", "ESCALATED");

        http.get().uri("/api/v1/conversations?status=OPEN").headers(h -> h.setBearerAuth(operator)).exchange()
            .expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cursorPaginationNeitherRepeatsNorSkipsWhileMessagesArrive() {
        String org = newOrg();
        String operator = TestTokens.operator(org, "op-1", "Jane", "agent");
        String[] visitors = new String[5];
        for (int i = 0; i < visitors.length; i++) {
            visitors[i] = TestTokens.anonymousVisitor(org, "v" + i + "-" + newId());
            startConversation(visitors[i], "question " + i);
        }
        Map<String, Object> page1 = http.get().uri("/api/v1/conversations?limit=2").headers(h -> h.setBearerAuth(operator))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Object>) page1.get("groups")).hasSize(2);
        String cursor = (String) page1.get("nextCursor");
        assertThat(cursor).isNotNull();
        // The oldest visitor writes again: it moves to the top, pages after the cursor stay stable.
        String oldest = visitors[0];
        String oldestConversation = (String) ((List<Map<String, Object>>) http.get().uri("/widget/v1/conversations")
            .headers(h -> h.setBearerAuth(oldest)).exchange().expectBody(List.class).returnResult().getResponseBody())
            .get(0).get("id");
        postMessage(oldest, oldestConversation, newId(), "anyone there?");

        Map<String, Object> page2 = http.get().uri("/api/v1/conversations?limit=2&cursor=" + cursor)
            .headers(h -> h.setBearerAuth(operator)).exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        List<String> previews = new java.util.ArrayList<>();
        for (Map<String, Object> page : List.of(page1, page2)) {
            ((List<Map<String, Object>>) page.get("groups")).forEach(g -> previews.add((String) g.get("lastMessagePreview")));
        }
        // the visitor who moved to the top is not repeated after the cursor; the live stream shows it
        assertThat(previews).containsExactly("question 4", "question 3", "question 2", "question 1");
        assertThat(page2.get("nextCursor")).isNull();
        Map<String, Object> fresh = http.get().uri("/api/v1/conversations?limit=1").headers(h -> h.setBearerAuth(operator))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<Map<String, Object>>) fresh.get("groups")).get(0)).containsEntry("lastMessagePreview", "anyone there?");
    }

    @Test
    void detailShowsTheWholeThreadAndTheCustomersMetadata() {
        String org = newOrg();
        String operator = TestTokens.operator(org, "op-1", "Jane", "agent");
        String visitorId = "v-" + newId();
        String visitor = TestTokens.anonymousVisitor(org, visitorId);
        String id = (String) startConversation(visitor, "my order is late").get("id");
        try (CloudEventTestClient kafka = new CloudEventTestClient()) {
            kafka.send(Topics.VISITOR_IDENTIFIED, "com.supportchat.identity.visitor-identified.v1", "visitor:" + visitorId, org, """
                    {"orgId":"%s","customerKey":"visitor:%s","visitorId":"%s","identityType":"NON_VERIFIED",
                     "name":"Ann","email":"ann@example.com","trustedData":{},"untrustedData":{"plan":"gold"},
                     "metadata":{"browser":"Firefox 140","timezone":"Europe/Berlin","referrer":"https://google.com"},
                     "identifiedAt":"2026-11-22T10:00:00Z"}""".formatted(org, visitorId, visitorId));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/conversations/{id}", id)
            .headers(h -> h.setBearerAuth(operator)).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.customer.name").isEqualTo("Ann")
            .jsonPath("$.customer.email").isEqualTo("ann@example.com")
            .jsonPath("$.customer.metadata.browser").isEqualTo("Firefox 140")
            .jsonPath("$.customer.metadata.timezone").isEqualTo("Europe/Berlin")
            .jsonPath("$.customer.untrustedData.plan").isEqualTo("gold")
            .jsonPath("$.messages[0].text").isEqualTo("my order is late")
            .jsonPath("$.messages[0].author.type").isEqualTo("VISITOR")
            .jsonPath("$.conversation.status").isEqualTo("UNRESOLVED"));
    }

    @Test
    void operatorsSeeTheOrgsEventsLive() {
        String org = newOrg();
        String jane = TestTokens.operator(org, "op-1", "Jane", "agent");
        String max = TestTokens.operator(org, "op-2", "Max", "agent");
        String otherOrgsOperator = TestTokens.operator(newOrg(), "op-3", "Eve", "agent");
        List<ServerSentEvent<Map<String, Object>>> janeSees = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> maxSees = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> eveSees = new CopyOnWriteArrayList<>();
        Disposable a = stream(port, "/api/v1/events", jane, null).subscribe(janeSees::add);
        Disposable b = stream(port, "/api/v1/events", max, null).subscribe(maxSees::add);
        Disposable c = stream(port, "/api/v1/events", otherOrgsOperator, null).subscribe(eveSees::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> liveSubscribers() >= 3);
            String id = (String) startConversation(TestTokens.anonymousVisitor(org, newId()), "hello operators").get("id");
            http.post().uri("/api/v1/conversations/{id}/claim", id).headers(h -> h.setBearerAuth(jane)).exchange()
                .expectStatus().isOk();
            await().atMost(Duration.ofSeconds(30)).until(() -> janeSees.size() >= 3 && maxSees.size() >= 3);
            assertThat(janeSees).extracting(ServerSentEvent::event).containsExactly("message", "status", "assignment");
            assertThat(janeSees.get(0).id()).isEqualTo(id + ":1");
            assertThat(maxSees.get(0).data()).containsEntry("text", "hello operators");
            assertThat(eveSees).isEmpty();
        }
        finally {
            a.dispose();
            b.dispose();
            c.dispose();
        }
    }

    @Test
    void oneOpenConversationRuleRefusesASecondOneAndOnlyAdminsChangeRules() {
        String org = newOrg();
        String admin = TestTokens.operator(org, "op-admin", "Ada", "admin");
        String agent = TestTokens.operator(org, "op-agent", "Al", "agent");
        Map<String, Object> rules = Map.of("allowMultipleOpen", false, "showConversationList", false,
                "firstTimeStraightToChat", true, "visitorCanClose", true, "helpfulPrompt", true, "operatorLabel", "Team");
        http.put().uri("/api/v1/settings/widget").headers(h -> h.setBearerAuth(agent)).bodyValue(rules).exchange()
            .expectStatus().isForbidden();
        http.put().uri("/api/v1/settings/widget").headers(h -> h.setBearerAuth(admin))
            .bodyValue(Map.of("allowMultipleOpen", false)).exchange()
            .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        http.put().uri("/api/v1/settings/widget").headers(h -> h.setBearerAuth(admin)).bodyValue(rules).exchange()
            .expectStatus().isOk();
        try (CloudEventTestClient.Reader reader = CloudEventTestClient.reader(Topics.WIDGET_SETTINGS_CHANGED)) {
            var changed = reader.await(r -> org.equals(r.key()), Duration.ofSeconds(30));
            assertThat(CloudEventTestClient.header(changed, "ce_type"))
                .isEqualTo("com.supportchat.conversation.widget-settings-changed.v1");
            assertThat(CloudEventTestClient.value(changed)).contains("\"allowMultipleOpen\":false",
                    "\"operatorLabel\":\"Team\"");
        }

        String visitor = TestTokens.anonymousVisitor(org, newId());
        http.get().uri("/widget/v1/settings").headers(h -> h.setBearerAuth(visitor)).exchange().expectBody()
            .jsonPath("$.showConversationList").isEqualTo(false).jsonPath("$.operatorLabel").isEqualTo("Team");
        String id = (String) startConversation(visitor, "first").get("id");
        http.post().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "second")).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/open-conversation-exists");
        // the close button is on for this org: the visitor closes, then may start again
        http.post().uri("/widget/v1/conversations/{id}/resolve", id).headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectStatus().isOk();
        startConversation(visitor, "second");
    }

    @Test
    void visitorCannotCloseWhenTheOrgHidesTheCloseButton() {
        String visitor = TestTokens.anonymousVisitor(newOrg(), newId());
        String id = (String) startConversation(visitor, "hello").get("id");
        http.post().uri("/widget/v1/conversations/{id}/resolve", id).headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/close-disabled");
    }

    @Test
    @SuppressWarnings("unchecked")
    void feedbackAndCsatFeedTheAnalyticsSummary() {
        String org = newOrg();
        String admin = TestTokens.operator(org, "op-admin", "Ada", "admin");
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "how do I reset my password?").get("id");
        try (CloudEventTestClient kafka = new CloudEventTestClient()) {
            kafka.send(Topics.REPLY_GENERATED, "com.supportchat.ai.reply-generated.v1", id, org, """
                    {"replyId":"%s","conversationId":"%s","orgId":"%s","text":"Use the 'Forgot password' link.",
                     "sources":[],"responder":"builtin","generatedAt":"2026-11-22T10:00:00Z"}""".formatted(newId(), id, org));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> messages(visitor, id).size() >= 2);
        String aiMessage = (String) messages(visitor, id).get(1).get("id");
        String visitorMessage = (String) messages(visitor, id).get(0).get("id");

        http.post().uri("/widget/v1/conversations/{id}/feedback", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("messageId", aiMessage, "helpful", true)).exchange().expectStatus().isCreated();
        http.post().uri("/widget/v1/conversations/{id}/feedback", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("messageId", visitorMessage, "helpful", true)).exchange().expectStatus().isBadRequest();
        http.post().uri("/widget/v1/conversations/{id}/feedback", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("rating", 5)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.post().uri("/api/v1/conversations/{id}/resolve", id).headers(h -> h.setBearerAuth(admin)).exchange()
            .expectStatus().isOk();
        http.post().uri("/widget/v1/conversations/{id}/feedback", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("rating", 6)).exchange().expectStatus().isBadRequest();
        http.post().uri("/widget/v1/conversations/{id}/feedback", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("rating", 4, "comment", "quick and clear")).exchange().expectStatus().isCreated();

        Map<String, Object> summary = http.get().uri("/api/v1/analytics/summary").headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(summary).containsEntry("conversations", 1).containsEntry("resolved", 1)
            .containsEntry("resolutionRate", 1.0).containsEntry("aiResolved", 1).containsEntry("handedOff", 0)
            .containsEntry("helpful", 1).containsEntry("notHelpful", 0).containsEntry("csatAverage", 4.0)
            .containsEntry("csatResponses", 1);
        assertThat((Double) summary.get("firstResponseSecondsP50")).isNotNull().isGreaterThanOrEqualTo(0.0);
    }

    private double liveSubscribers() {
        return meters.get("supportchat.sse.subscribers").gauge().value();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;
}
