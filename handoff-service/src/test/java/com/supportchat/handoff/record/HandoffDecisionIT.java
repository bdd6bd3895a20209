package com.supportchat.handoff.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffRequested;
import com.supportchat.events.HandoffTimedOut;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.handoff.HandoffITBase;
import com.supportchat.handoff.policy.HandoffPolicy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HandoffDecisionIT extends HandoffITBase {

    @Autowired
    DatabaseClient db;

    @Autowired
    HandoffTimeouts timeouts;

    static HandoffRequested request(String org, String conversation, HandoffTrigger trigger) {
        return new HandoffRequested(newId("req"), conversation, org, trigger, "visitor asked",
                "Visitor cannot log in after resetting the password", newId("msg"), "ai", Instant.now());
    }

    static MessageReceived message(String org, String conversation, AuthorType author, long seq) {
        return new MessageReceived(newId("msg"), conversation, org, seq, author, author + "-1", author.name(),
                "text " + seq, null, ConversationStatus.ESCALATED, Instant.now());
    }

    HandoffDecided decisionFor(String conversation) {
        return kafka().awaitRecords(Topics.HANDOFF_DECIDED, conversation, HandoffDecided.class, seen -> !seen.isEmpty()).get(0);
    }

    List<Map<String, Object>> handoffs(String org, String status) {
        return as(org, "agent").get().uri(b -> b.path("/api/v1/handoffs").queryParam("status", status).build())
            .exchange()
            .expectStatus().isOk()
            .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
            .returnResult().getResponseBody();
    }

    @Test
    void aHumanRequestIsAcceptedAndTheDecisionPublished() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        HandoffRequested request = request(org, conversation, HandoffTrigger.HUMAN_REQUEST);
        kafka().publish(request);

        HandoffDecided decided = decisionFor(conversation);
        assertThat(decided.accepted()).isTrue();
        assertThat(decided.requestId()).isEqualTo(request.requestId());
        assertThat(decided.orgId()).isEqualTo(org);
        assertThat(decided.trigger()).isEqualTo(HandoffTrigger.HUMAN_REQUEST);
        assertThat(decided.summary()).isEqualTo(request.summary());
        assertThat(decided.visitorMessage()).startsWith(HandoffPolicy.CONNECTING);
        assertThat(decided.reason()).isEqualTo("accepted");

        await().untilAsserted(() -> assertThat(handoffs(org, "waiting")).singleElement()
            .satisfies(h -> assertThat(h).containsEntry("conversationId", conversation).containsEntry("status", "waiting")));
        assertThat(handoffs(newId("other-org"), "waiting")).isEmpty();
    }

    @Test
    void anAiOnlyOrgDeclinesPolitely() throws Exception {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("level", 0)).exchange().expectStatus().isOk();
        String conversation = newId("conv");
        kafka().publish(request(org, conversation, HandoffTrigger.HUMAN_REQUEST));

        HandoffDecided decided = decisionFor(conversation);
        assertThat(decided.accepted()).isFalse();
        assertThat(decided.reason()).isEqualTo("ai-only-level");
        assertThat(decided.visitorMessage()).startsWith("I'm sorry");
        await().untilAsserted(() -> assertThat(handoffs(org, "declined")).hasSize(1));
    }

    @Test
    void aRedeliveredRequestIsDecidedOnce() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        HandoffRequested request = request(org, conversation, HandoffTrigger.FRUSTRATION);
        kafka().publish(request, "event-" + request.requestId());
        kafka().publish(request, "event-" + request.requestId());
        kafka().publish(request, "event-again-" + request.requestId()); // same request id, new event id
        // a later request on the same key is applied after all copies (one partition, in order); it is ignored
        // because the conversation already waits for a human
        String last = kafka().publish(request(org, conversation, HandoffTrigger.HUMAN_REQUEST));

        assertThat(decisionFor(conversation).requestId()).isEqualTo(request.requestId());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
            .bind("id", last).map(row -> row.get(0, Long.class)).one().block() == 1);
        assertThat(db.sql("SELECT count(*) FROM outbox WHERE topic = 'handoff-decided' AND subject = :c")
            .bind("c", conversation).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
        assertThat(handoffs(org, null)).singleElement()
            .satisfies(h -> assertThat(h).containsEntry("requestId", request.requestId()).containsEntry("trigger", "FRUSTRATION"));
    }

    @Test
    void aHandoffIsFollowedFromWaitingToClaimedToResolvedWithTheTimeToAHuman() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        kafka().publish(request(org, conversation, HandoffTrigger.HUMAN_REQUEST));
        decisionFor(conversation);

        kafka().publish(new ConversationAssigned(conversation, org, 3, "op-7", "Ada", Instant.now()));
        await().untilAsserted(() -> assertThat(handoffs(org, "claimed")).singleElement()
            .satisfies(h -> assertThat(h).containsEntry("operatorName", "Ada")));

        kafka().publish(message(org, conversation, AuthorType.OPERATOR, 4));
        await().untilAsserted(() -> assertThat(handoffs(org, "claimed")).singleElement()
            .satisfies(h -> assertThat(h.get("timeToHumanSeconds")).isNotNull()));

        kafka().publish(new SessionResolved(conversation, org, AuthorType.OPERATOR, "op-7", Instant.now()));
        await().untilAsserted(() -> assertThat(handoffs(org, "resolved")).singleElement()
            .satisfies(h -> assertThat(h.get("resolvedAt")).isNotNull()));
    }

    @Test
    void aConversationResolvedWhileWaitingIsAbandonedAndAReleaseGoesBackToTheAi() throws Exception {
        String org = newId("org");
        String abandoned = newId("conv");
        kafka().publish(request(org, abandoned, HandoffTrigger.HUMAN_REQUEST));
        decisionFor(abandoned);
        kafka().publish(new SessionResolved(abandoned, org, AuthorType.VISITOR, "v-1", Instant.now()));
        await().untilAsserted(() -> assertThat(handoffs(org, "abandoned")).hasSize(1));

        String released = newId("conv");
        kafka().publish(request(org, released, HandoffTrigger.HUMAN_REQUEST));
        decisionFor(released);
        kafka().publish(new ConversationAssigned(released, org, 3, "op-7", "Ada", Instant.now()));
        kafka().publish(new ConversationAssigned(released, org, 4, null, null, Instant.now()));
        await().untilAsserted(() -> assertThat(handoffs(org, "released")).hasSize(1));
    }

    @Test
    void balancedLevelLetsTheAiTryFirstUntilItHasAnsweredTwice() throws Exception {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("level", 2)).exchange().expectStatus().isOk();
        String early = newId("conv");
        kafka().publish(request(org, early, HandoffTrigger.AI_DECISION));
        assertThat(decisionFor(early).reason()).isEqualTo("ai-should-try-first");

        String later = newId("conv");
        kafka().publish(message(org, later, AuthorType.VISITOR, 1));
        kafka().publish(message(org, later, AuthorType.AI, 2));
        kafka().publish(message(org, later, AuthorType.AI, 3));
        await().untilAsserted(() -> assertThat(db.sql("SELECT ai_replies FROM conversation_activity WHERE conversation_id = :c")
            .bind("c", later).map(row -> row.get(0, Integer.class)).one().block()).isEqualTo(2));
        kafka().publish(request(org, later, HandoffTrigger.AI_DECISION));
        assertThat(decisionFor(later).accepted()).isTrue();
    }

    @Test
    void aHandoffNobodyAnsweredIsFlaggedOverdue() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        kafka().publish(request(org, conversation, HandoffTrigger.HUMAN_REQUEST));
        decisionFor(conversation);
        await().untilAsserted(() -> assertThat(handoffs(org, "waiting")).hasSize(1));
        db.sql("UPDATE handoff_record SET decided_at = decided_at - interval '10 minutes' WHERE conversation_id = :c")
            .bind("c", conversation).then().block(Duration.ofSeconds(5));

        timeouts.scan().block(Duration.ofSeconds(10));

        assertThat(handoffs(org, "waiting")).singleElement()
            .satisfies(h -> assertThat(h).containsEntry("overdue", true).containsEntry("handbackDue", false));
    }

    @Test
    void aHandoffNobodyTookWithinTheHandBackTimeGoesBackToTheAi() throws Exception {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("handbackAfter", "PT15M", "renotifyAfter", "PT5M")).exchange().expectStatus().isOk();
        String conversation = newId("conv");
        kafka().publish(request(org, conversation, HandoffTrigger.HUMAN_REQUEST));
        decisionFor(conversation);
        await().untilAsserted(() -> assertThat(handoffs(org, "waiting")).hasSize(1));
        db.sql("UPDATE handoff_record SET decided_at = decided_at - interval '20 minutes' WHERE conversation_id = :c")
            .bind("c", conversation).then().block(Duration.ofSeconds(5));

        timeouts.scan().block(Duration.ofSeconds(10));
        timeouts.scan().block(Duration.ofSeconds(10));

        List<HandoffTimedOut> timedOut = kafka().awaitRecords(Topics.HANDOFF_TIMED_OUT, conversation, HandoffTimedOut.class,
                seen -> !seen.isEmpty());
        assertThat(timedOut).singleElement().satisfies(t -> {
            assertThat(t.orgId()).isEqualTo(org);
            assertThat(t.waitedSeconds()).isGreaterThanOrEqualTo(20 * 60);
            assertThat(t.visitorMessage()).contains("AI assistant");
        });
        assertThat(handoffs(org, "waiting")).singleElement()
            .satisfies(h -> assertThat(h).containsEntry("overdue", true).containsEntry("handbackDue", true));
    }
}
