package com.supportchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.support.IntegrationTest;
import com.supportchat.testsupport.TestTokens;
import com.supportchat.events.Topics;
import com.supportchat.testsupport.CloudEventTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

class ConversationFlowIT extends IntegrationTest {

    private static CloudEventTestClient kafka;

    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    static void connect() {
        kafka = new CloudEventTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void visitorMessageIsPublishedAndTheAiReplyArrivesOnTheStream() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        Map<String, Object> conversation = startConversation(visitor, "What are your opening hours?");
        String id = (String) conversation.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) conversation.get("firstMessage");
        assertThat(first).containsEntry("seq", 1).containsEntry("text", "What are your opening hours?");

        try (CloudEventTestClient.Reader reader = CloudEventTestClient.reader(Topics.MESSAGE_RECEIVED)) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertThat(CloudEventTestClient.header(record, "ce_type")).isEqualTo("com.supportchat.conversation.message-received.v1");
            assertThat(CloudEventTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(CloudEventTestClient.header(record, "ce_orgid")).isEqualTo(org);
            assertThat(CloudEventTestClient.header(record, "ce_subject")).isEqualTo(id);
            assertThat(CloudEventTestClient.value(record)).contains("\"authorType\":\"VISITOR\"", "opening hours");
        }

        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = stream(port, "/widget/v1/conversations/" + id + "/events", visitor, null)
            .subscribe(events::add);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.size() >= 1);
            kafka.send(Topics.REPLY_GENERATED, "com.supportchat.ai.reply-generated.v1", id, org, """
                    {"replyId":"%s","conversationId":"%s","orgId":"%s","inReplyToMessageId":"%s",
                     "text":"We are open 9-17 on weekdays.","sources":[{"articleId":"a1","title":"Opening hours"}],
                     "responder":"builtin","generatedAt":"2026-11-22T10:00:00Z"}""".formatted(newId(), id, org, first.get("id")));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= 2);
        }
        finally {
            subscription.dispose();
        }
        assertThat(events.get(0).id()).isEqualTo("1");
        assertThat(events.get(0).event()).isEqualTo("message");
        assertThat(events.get(1).id()).isEqualTo("2");
        assertThat(events.get(1).data()).containsEntry("text", "We are open 9-17 on weekdays.");
        assertThat(events.get(1).data().get("author")).isEqualTo(Map.of("type", "AI", "displayName", "AI Assistant"));
    }

    @Test
    void retriedPostWithTheSameClientMessageIdReturnsTheSameMessage() {
        String visitor = TestTokens.anonymousVisitor(newOrg(), newId());
        String id = (String) startConversation(visitor, "hello").get("id");
        String clientMessageId = newId();
        Map<String, Object> once = postMessage(visitor, id, clientMessageId, "Where is my order?");
        Map<String, Object> again = postMessage(visitor, id, clientMessageId, "Where is my order?");
        assertThat(again.get("id")).isEqualTo(once.get("id"));
        assertThat(again.get("seq")).isEqualTo(once.get("seq"));
        assertThat(messages(visitor, id)).filteredOn(m -> clientMessageId.equals(m.get("clientMessageId"))).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneMessageStoreItOnce() {
        String visitor = TestTokens.anonymousVisitor(newOrg(), newId());
        String id = (String) startConversation(visitor, "hello").get("id");
        String clientMessageId = newId();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Object> ids = reactor.core.publisher.Flux.range(0, 4)
            .flatMap(i -> client.post().uri("/widget/v1/conversations/{id}/messages", id)
                .headers(h -> h.setBearerAuth(visitor))
                .bodyValue(Map.of("clientMessageId", clientMessageId, "text", "same message"))
                .retrieve()
                .bodyToMono(Map.class)
                .map(body -> body.get("id")))
            .collectList()
            .block(Duration.ofSeconds(20));
        assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        assertThat(messages(visitor, id)).filteredOn(m -> clientMessageId.equals(m.get("clientMessageId"))).hasSize(1);
    }

    @Test
    void resolvedConversationRefusesNewMessagesAndPublishesSessionResolved() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String operator = TestTokens.operator(org, "op-1", "Jane", "agent");
        String id = (String) startConversation(visitor, "thanks, bye").get("id");

        http.post().uri("/api/v1/conversations/{id}/resolve", id).headers(h -> h.setBearerAuth(operator))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");

        http.post().uri("/widget/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "one more thing"))
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectHeader().contentType("application/problem+json")
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/conversation-resolved");

        try (CloudEventTestClient.Reader reader = CloudEventTestClient.reader(Topics.SESSION_RESOLVED)) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertThat(CloudEventTestClient.value(record)).contains("\"resolvedBy\":\"OPERATOR\"");
        }
        // history keeps it, and the visitor can start a new one
        http.get().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$[0].status").isEqualTo("RESOLVED");
        startConversation(visitor, "new question");
    }

    @Test
    void anotherVisitorAndAnotherOrgSeeNothing() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String stranger = TestTokens.anonymousVisitor(org, newId());
        String otherOrgOperator = TestTokens.operator(newOrg(), "op-x", "Eve", "admin");
        String id = (String) startConversation(visitor, "private question").get("id");

        http.get().uri("/widget/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(stranger))
            .exchange().expectStatus().isNotFound().expectHeader().contentType("application/problem+json");
        http.post().uri("/widget/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(stranger))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "hi")).exchange().expectStatus().isNotFound();
        http.get().uri("/widget/v1/conversations/{id}/events", id).headers(h -> h.setBearerAuth(stranger))
            .exchange().expectStatus().isNotFound();
        http.get().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth(stranger))
            .exchange().expectStatus().isOk().expectBody().json("[]");
        http.get().uri("/api/v1/conversations/{id}", id).headers(h -> h.setBearerAuth(otherOrgOperator))
            .exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/conversations/{id}/resolve", id).headers(h -> h.setBearerAuth(otherOrgOperator))
            .exchange().expectStatus().isNotFound();
    }

    @Test
    void verifiedHistoryFollowsTheContactAcrossDevicesPerExternalId() {
        String org = newOrg();
        String laptop = TestTokens.verifiedContact(org, newId(), "c-1", null, "Ann");
        String phone = TestTokens.verifiedContact(org, newId(), "c-1", null, "Ann");
        String workspaceA = TestTokens.verifiedContact(org, newId(), "c-1", "ws-a", "Ann");
        String sameEmailUnverified = TestTokens.widget(org, "v-typed", "non_verified", "visitor:v-typed",
                Map.of("email", "ann@example.com"));
        String id = (String) startConversation(laptop, "from my laptop").get("id");

        http.get().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth(phone)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(id);
        http.get().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth(workspaceA)).exchange()
            .expectStatus().isOk().expectBody().json("[]");
        http.get().uri("/widget/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(sameEmailUnverified))
            .exchange().expectStatus().isNotFound();
    }

    @Test
    void acceptedHandoffEscalatesStreamsTheHandoffAndSilencesTheAi() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "talk to a human").get("id");
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = stream(port, "/widget/v1/conversations/" + id + "/events", visitor, "1")
            .subscribe(events::add);
        try {
            kafka.send(Topics.HANDOFF_DECIDED, "com.supportchat.handoff.decided.v1", id, org, """
                    {"requestId":"%s","conversationId":"%s","orgId":"%s","trigger":"HUMAN_REQUEST","accepted":true,
                     "reason":"explicit request","summary":"Visitor wants a person.",
                     "visitorMessage":"Connecting you with a team member - one moment please.",
                     "decidedAt":"2026-11-22T10:00:00Z"}""".formatted(newId(), id, org));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch(e -> "handoff".equals(e.event())));
        }
        finally {
            subscription.dispose();
        }
        ServerSentEvent<Map<String, Object>> handoff = events.stream().filter(e -> "handoff".equals(e.event())).findFirst().orElseThrow();
        assertThat(handoff.data()).containsEntry("summary", "Visitor wants a person.")
            .containsEntry("trigger", "HUMAN_REQUEST")
            .containsEntry("status", "ESCALATED")
            .containsEntry("text", "Connecting you with a team member - one moment please.");
        http.get().uri("/widget/v1/conversations/{id}", id).headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectBody().jsonPath("$.status").isEqualTo("ESCALATED");

        double droppedBefore = dropped();
        kafka.send(Topics.REPLY_GENERATED, "com.supportchat.ai.reply-generated.v1", id, org, """
                {"replyId":"%s","conversationId":"%s","orgId":"%s","text":"A late AI answer","sources":[],
                 "responder":"builtin","generatedAt":"2026-11-22T10:00:00Z"}""".formatted(newId(), id, org));
        await().atMost(Duration.ofSeconds(30)).until(() -> dropped() > droppedBefore);
        assertThat(messages(visitor, id)).noneMatch(m -> "A late AI answer".equals(m.get("text")));
    }

    @Test
    void streamResumesAfterLastEventIdWithNothingLostOrDoubled() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "message 1").get("id");
        postMessage(visitor, id, newId(), "message 2");

        List<ServerSentEvent<Map<String, Object>>> firstConnection = stream(port,
                "/widget/v1/conversations/" + id + "/events", visitor, null)
            .take(2).collectList().block(Duration.ofSeconds(20));
        assertThat(firstConnection).extracting(ServerSentEvent::id).containsExactly("1", "2");

        // while disconnected
        postMessage(visitor, id, newId(), "message 3");
        postMessage(visitor, id, newId(), "message 4");

        List<ServerSentEvent<Map<String, Object>>> resumed = new CopyOnWriteArrayList<>();
        Disposable subscription = stream(port, "/widget/v1/conversations/" + id + "/events", visitor, "2")
            .subscribe(resumed::add);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.size() >= 2);
            postMessage(visitor, id, newId(), "message 5");
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() >= 3);
        }
        finally {
            subscription.dispose();
        }
        assertThat(resumed).extracting(ServerSentEvent::id).containsExactly("3", "4", "5");
        assertThat(resumed).extracting(e -> e.data().get("text")).containsExactly("message 3", "message 4", "message 5");
    }

    @Test
    void ofTwoSimultaneousClaimsExactlyOneWins() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "help").get("id");
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<HttpStatus> statuses = Mono.zip(claim(client, id, TestTokens.operator(org, "op-a", "Ann", "agent")),
                claim(client, id, TestTokens.operator(org, "op-b", "Bob", "agent")))
            .map(both -> List.of(both.getT1(), both.getT2()))
            .block(Duration.ofSeconds(20));
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        http.get().uri("/api/v1/conversations/{id}", id)
            .headers(h -> h.setBearerAuth(TestTokens.operator(org, "op-a", "Ann", "agent")))
            .exchange().expectBody().jsonPath("$.conversation.status").isEqualTo("ESCALATED")
            .jsonPath("$.conversation.assignee.displayName").value(name -> assertThat(name).isIn("Ann", "Bob"));
    }

    @Test
    void releaseHandsTheConversationBackToTheAi() {
        String org = newOrg();
        String operator = TestTokens.operator(org, "op-a", "Ann", "agent");
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "help").get("id");
        http.post().uri("/api/v1/conversations/{id}/claim", id).headers(h -> h.setBearerAuth(operator)).exchange()
            .expectStatus().isOk();
        http.post().uri("/api/v1/conversations/{id}/release", id).headers(h -> h.setBearerAuth(operator)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UNRESOLVED")
            .jsonPath("$.assignee").doesNotExist();
        http.post().uri("/api/v1/conversations/{id}/release", id).headers(h -> h.setBearerAuth(operator)).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aClientMessageIdIsItsAuthorsOwnAnotherAuthorNeitherCollidesNorReadsTheMessage() {
        String org = newOrg();
        String operatorA = TestTokens.operator(org, "op-a", "Ann Smith", "agent");
        String operatorB = TestTokens.operator(org, "op-b", "Bob Jones", "agent");
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "help").get("id");
        String shared = newId();

        Map<String, Object> visitorsMessage = postMessage(visitor, id, shared, "visitor's words");
        Map<String, Object> annsReply = operatorMessage(operatorA, id, shared, "Ann's words");
        Map<String, Object> bobsReply = operatorMessage(operatorB, id, shared, "Bob's words");
        Map<String, Object> annsRetry = operatorMessage(operatorA, id, shared, "Ann's words");
        Map<String, Object> visitorsRetry = postMessage(visitor, id, shared, "visitor's words");

        assertThat(annsReply.get("text")).isEqualTo("Ann's words");
        assertThat(bobsReply.get("text")).isEqualTo("Bob's words");
        assertThat(annsRetry.get("id")).isEqualTo(annsReply.get("id"));
        assertThat(visitorsRetry.get("id")).isEqualTo(visitorsMessage.get("id"));
        assertThat(messages(visitor, id)).filteredOn(m -> shared.equals(m.get("clientMessageId")))
            .extracting(m -> m.get("text"))
            .containsExactly("visitor's words", "Ann's words", "Bob's words");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> operatorMessage(String operator, String conversationId, String clientMessageId,
            String text) {
        return http.post().uri("/api/v1/conversations/{id}/messages", conversationId)
            .headers(h -> h.setBearerAuth(operator))
            .bodyValue(Map.of("clientMessageId", clientMessageId, "text", text))
            .exchange().expectStatus().isAccepted()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void operatorReplyIsLabelledSupportAgentInTheWidget() {
        String org = newOrg();
        String operator = TestTokens.operator(org, "op-a", "Ann Smith", "agent");
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "help").get("id");
        http.post().uri("/api/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(operator))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "Hi, I'm here to help."))
            .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.author.displayName").isEqualTo("Ann Smith");
        List<Map<String, Object>> thread = messages(visitor, id);
        assertThat(thread).filteredOn(m -> "Hi, I'm here to help.".equals(m.get("text")))
            .extracting(m -> m.get("author"))
            .containsExactly(Map.of("type", "OPERATOR", "displayName", "Support Agent"));
        assertThat(thread).noneMatch(m -> String.valueOf(m.get("text")).contains("Ann Smith"));
        http.get().uri("/widget/v1/conversations/{id}", id).headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectBody().jsonPath("$.status").isEqualTo("ESCALATED");
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        String visitor = TestTokens.anonymousVisitor(newOrg(), newId());
        String id = (String) startConversation(visitor, "hello").get("id");
        http.post().uri("/widget/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "   "))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType("application/problem+json")
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("text"));
        http.post().uri("/widget/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "x".repeat(4001)))
            .exchange().expectStatus().isBadRequest();
        http.post().uri("/widget/v1/conversations/{id}/messages", "not-a-uuid").headers(h -> h.setBearerAuth(visitor))
            .bodyValue(Map.of("clientMessageId", newId(), "text", "hi"))
            .exchange().expectStatus().isBadRequest();
        assertThat(messages(visitor, id)).hasSize(1);
    }

    @Test
    void tokensAreCheckedByThisServiceItself() {
        String org = newOrg();
        http.get().uri("/widget/v1/conversations").exchange().expectStatus().isUnauthorized()
            .expectHeader().contentType("application/problem+json");
        http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(TestTokens.expiredOperator(org)))
            .exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(TestTokens.anonymousVisitor(org, newId())))
            .exchange().expectStatus().isForbidden();
        http.get().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth(TestTokens.operator(org, "op", "A", "admin")))
            .exchange().expectStatus().isForbidden();
        http.get().uri("/widget/v1/conversations").headers(h -> h.setBearerAuth("not.a.jwt"))
            .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aHandoffNobodyTookGoesBackToTheAiButAClaimedOneStays() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String unanswered = (String) startConversation(visitor, "talk to a human").get("id");
        String claimed = (String) startConversation(visitor, "talk to a human please").get("id");
        for (String id : List.of(unanswered, claimed)) {
            kafka.send(Topics.HANDOFF_DECIDED, "com.supportchat.handoff.decided.v1", id, org, """
                    {"requestId":"%s","conversationId":"%s","orgId":"%s","trigger":"HUMAN_REQUEST","accepted":true,
                     "summary":"wants a person","visitorMessage":"Connecting you with a team member - one moment please.",
                     "decidedAt":"2026-11-22T10:00:00Z"}""".formatted(newId(), id, org));
        }
        // each thread: the visitor's message, then the handoff entry
        await().atMost(Duration.ofSeconds(30)).until(() -> messages(visitor, unanswered).size() >= 2
                && messages(visitor, claimed).size() >= 2);
        http.post().uri("/api/v1/conversations/{id}/claim", claimed)
            .headers(h -> h.setBearerAuth(TestTokens.operator(org, "op-1", "Jane", "agent"))).exchange()
            .expectStatus().isOk();

        String message = "Our team could not get to you in time, so the AI assistant will keep helping you here.";
        for (String id : List.of(claimed, unanswered)) {
            kafka.send(Topics.HANDOFF_TIMED_OUT, "com.supportchat.handoff.timed-out.v1", id, org, """
                    {"handoffId":"%s","conversationId":"%s","orgId":"%s","decidedAt":"2026-11-22T10:00:00Z",
                     "waitedSeconds":1800,"visitorMessage":"%s","occurredAt":"2026-11-22T10:30:00Z"}"""
                .formatted(newId(), id, org, message));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/widget/v1/conversations/{id}", unanswered)
            .headers(h -> h.setBearerAuth(visitor)).exchange().expectBody().jsonPath("$.status").isEqualTo("UNRESOLVED"));
        assertThat(messages(visitor, unanswered)).last()
            .satisfies(m -> assertThat(m).containsEntry("kind", "STATUS").containsEntry("text", message)
                .containsEntry("status", "UNRESOLVED"));
        // both time-outs were applied (the consumer counted them) and the claimed conversation stayed with the team
        await().atMost(Duration.ofSeconds(30)).until(() -> processed("conversation.handoff-timed-out") >= 2);
        http.get().uri("/widget/v1/conversations/{id}", claimed).headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectBody().jsonPath("$.status").isEqualTo("ESCALATED");
    }

    private double processed(String consumer) {
        return meters.find("supportchat.events.consumed").tag("consumer", consumer).counters().stream()
            .mapToDouble(c -> c.count()).sum();
    }

    private Mono<HttpStatus> claim(WebClient client, String id, String token) {
        return client.post().uri("/api/v1/conversations/{id}/claim", id)
            .headers(h -> h.setBearerAuth(token))
            .exchangeToMono(response -> Mono.just(HttpStatus.valueOf(response.statusCode().value())));
    }

    private double dropped() {
        return meters.find("supportchat.ai.replies.dropped").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
