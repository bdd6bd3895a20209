package com.supportchat.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.NotificationDelivered;
import com.supportchat.events.Topics;
import com.supportchat.notification.NotificationITBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotificationIT extends NotificationITBase {

    @Autowired
    DatabaseClient db;

    @Autowired
    Renotifier renotifier;

    void configure(String org, Map<String, Object> settings) {
        as(org, "admin").put().uri("/api/v1/settings/notifications").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(settings).exchange().expectStatus().isOk();
    }

    static HandoffDecided accepted(String org, String conversation) {
        return new HandoffDecided(newId("req"), conversation, org, HandoffTrigger.HUMAN_REQUEST, true, "accepted",
                "Visitor cannot log in after a password reset", "Connecting you with a team member - one moment please.",
                Instant.now());
    }

    static MessageReceived message(String org, String conversation, AuthorType author, long seq, String text) {
        return new MessageReceived(newId("msg"), conversation, org, seq, author, author + "-1",
                author == AuthorType.VISITOR ? "Grace" : null, text, null, ConversationStatus.UNRESOLVED, Instant.now());
    }

    List<Map<String, Object>> log(String org) {
        return as(org, "agent").get().uri("/api/v1/notifications").exchange()
            .expectStatus().isOk()
            .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
            .returnResult().getResponseBody();
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    /** The text parts of a message by content type (text/plain, text/html), decoded. */
    static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new java.util.HashMap<>();
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            found.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", (String) part.getContent());
        }
        else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.putAll(parts(child));
            }
        }
        return found;
    }

    @Test
    void anAcceptedHandoffIsEmailedWithTheLastMessagesAndTextedThenLoggedAndPublished() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        String phone = newPhone();
        configure(org, Map.of("emailRecipients", List.of("ops-" + conversation + "@acme.test", "lead-" + conversation + "@acme.test"),
                "smsNumbers", List.of(phone), "consoleBaseUrl", "https://console.acme.test/"));
        kafka().publish(message(org, conversation, AuthorType.VISITOR, 1, "I cannot log in <since the reset>"));
        kafka().publish(message(org, conversation, AuthorType.AI, 2, "Try the 'forgot password' link."));
        await().until(() -> db.sql("SELECT count(*) FROM conversation_message WHERE conversation_id = :c")
            .bind("c", conversation).map(row -> row.get(0, Long.class)).one().block() == 2);

        kafka().publish(accepted(org, conversation));

        String link = "https://console.acme.test/console/#/conversations/" + conversation;
        await().until(() -> mailTo("ops-" + conversation + "@acme.test").size() == 1
                && mailTo("lead-" + conversation + "@acme.test").size() == 1);
        MimeMessage mail = mailTo("ops-" + conversation + "@acme.test").get(0);
        assertThat(mail.getSubject()).contains("waiting for a team member").contains("HUMAN_REQUEST");
        Map<String, String> parts = parts(mail);
        assertThat(parts).containsKeys("text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("Visitor cannot log in after a password reset")
            .contains("Trigger: HUMAN_REQUEST")
            .contains("Visitor (Grace): I cannot log in <since the reset>")
            .contains("AI assistant: Try the 'forgot password' link.")
            .contains(link);
        assertThat(parts.get("text/html")).contains("I cannot log in &lt;since the reset&gt;")
            .contains("href=\"" + link + "\"");

        await().until(() -> SMS.requestsTo(phone).size() == 1);
        RecordedRequest sms = SMS.requestsTo(phone).get(0);
        assertThat(sms.getMethod()).isEqualTo("POST");
        assertThat(sms.getUrl().encodedPath()).isEqualTo("/2010-04-01/Accounts/ACtest/Messages.json");
        assertThat(sms.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ACtest:secret-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(sms.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sms.getHeaders().get("I-Twilio-Idempotency-Token")).isNotBlank();
        String form = java.net.URLDecoder.decode(sms.getBody().utf8(), StandardCharsets.UTF_8);
        assertThat(form).contains("From=+15550001111").contains("A visitor is waiting for a team member").contains(link)
            .doesNotContain("Visitor cannot log in");

        await().untilAsserted(() -> assertThat(log(org)).hasSize(3)
            .allSatisfy(entry -> assertThat(entry).containsEntry("status", "SENT").containsEntry("kind", "handoff")));
        assertThat(log(org)).extracting(entry -> entry.get("recipient"))
            .contains("o***@acme.test", "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4));
        assertThat(log(newId("other-org"))).isEmpty();

        List<NotificationDelivered> delivered = kafka().awaitRecords(Topics.NOTIFICATION_DELIVERED, conversation,
                NotificationDelivered.class, seen -> seen.size() >= 3);
        assertThat(delivered).extracting(NotificationDelivered::channel).containsExactlyInAnyOrder("email", "email", "sms");
        assertThat(delivered).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("SENT");
            assertThat(d.recipient()).doesNotContain("ops-").doesNotContain(phone);
        });
    }

    @Test
    void anSmsThatFailsOnceIsRetriedAndAPermanentRejectionIsNot() throws Exception {
        String org = newId("org");
        String flaky = newPhone();
        String invalid = newPhone();
        SMS.script(flaky, 503);
        SMS.script(invalid, 400);
        configure(org, Map.of("smsNumbers", List.of(flaky, invalid)));
        String conversation = newId("conv");

        kafka().publish(accepted(org, conversation));

        await().untilAsserted(() -> assertThat(log(org)).hasSize(2)
            .noneSatisfy(entry -> assertThat(entry.get("status")).isIn("PENDING", "SENDING")));
        Map<String, Object> retried = log(org).stream().filter(e -> e.get("recipient").toString().endsWith(flaky.substring(flaky.length() - 4))).findFirst().orElseThrow();
        assertThat(retried).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(SMS.requestsTo(flaky)).hasSize(2);

        Map<String, Object> rejected = log(org).stream().filter(e -> e.get("recipient").toString().endsWith(invalid.substring(invalid.length() - 4))).findFirst().orElseThrow();
        assertThat(rejected).containsEntry("status", "FAILED").containsEntry("attempts", 1)
            .containsEntry("reason", "SMS provider answered 400");
        assertThat(SMS.requestsTo(invalid)).hasSize(1);
    }

    @Test
    void theSameEventDeliveredTwiceSendsOnceWhileANewDecisionSendsAgain() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        String email = "twice-" + conversation + "@acme.test";
        String phone = newPhone();
        configure(org, Map.of("emailRecipients", List.of(email), "smsNumbers", List.of(phone)));
        HandoffDecided decided = accepted(org, conversation);

        kafka().publish(decided, "event-" + conversation);
        kafka().publish(decided, "event-" + conversation);
        // a later decision on the same key is consumed after both copies (one partition, in order)
        kafka().publish(accepted(org, conversation), "event-2-" + conversation);

        await().untilAsserted(() -> assertThat(log(org)).hasSize(4)
            .allSatisfy(entry -> assertThat(entry).containsEntry("status", "SENT")));
        await().until(() -> mailTo(email).size() >= 2);
        assertThat(mailTo(email)).hasSize(2);
        assertThat(SMS.requestsTo(phone)).hasSize(2);
    }

    @Test
    void aDeclinedHandoffNotifiesNobody() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        String email = "declined-" + conversation + "@acme.test";
        configure(org, Map.of("emailRecipients", List.of(email)));
        HandoffDecided declined = new HandoffDecided(newId("req"), conversation, org, HandoffTrigger.AI_DECISION, false,
                "ai-should-try-first", "summary", null, Instant.now());
        kafka().publish(declined);
        kafka().publish(accepted(org, conversation));

        await().until(() -> mailTo(email).size() == 1);
        assertThat(log(org)).hasSize(1);
    }

    @Test
    void anUnansweredHandoffIsReNotifiedBySmsTooUntilSomeoneClaimsIt() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        String email = "remind-" + conversation + "@acme.test";
        String phone = newPhone();
        configure(org, Map.of("emailRecipients", List.of(email), "smsNumbers", List.of(phone),
                "escalation", Map.of("renotifyAfter", "PT2M", "maxRenotifications", 1, "smsOnlyWhenUnanswered", true)));
        kafka().publish(accepted(org, conversation));
        await().until(() -> mailTo(email).size() == 1);
        assertThat(SMS.requestsTo(phone)).isEmpty();

        assertThat(renotifier.scan().block(Duration.ofSeconds(10))).isZero();
        db.sql("UPDATE unanswered_handoff SET last_notified_at = last_notified_at - interval '3 minutes' WHERE conversation_id = :c")
            .bind("c", conversation).then().block(Duration.ofSeconds(5));
        assertThat(renotifier.scan().block(Duration.ofSeconds(10))).isEqualTo(2);

        await().until(() -> mailTo(email).size() == 2 && SMS.requestsTo(phone).size() == 1);
        assertThat(mailTo(email).get(1).getSubject()).contains("Still waiting");

        db.sql("UPDATE unanswered_handoff SET last_notified_at = last_notified_at - interval '3 minutes' WHERE conversation_id = :c")
            .bind("c", conversation).then().block(Duration.ofSeconds(5));
        assertThat(renotifier.scan().block(Duration.ofSeconds(10))).as("at most one re-notification").isZero();

        kafka().publish(new ConversationAssigned(conversation, org, 5, "op-1", "Ada", Instant.now()));
        await().until(() -> db.sql("SELECT count(*) FROM unanswered_handoff WHERE conversation_id = :c")
            .bind("c", conversation).map(row -> row.get(0, Long.class)).one().block() == 0);
    }

    @Test
    void aVisitorMessageInAnEscalatedConversationIsEmailedWhenTheOrgAsksForIt() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        String email = "escalated-" + conversation + "@acme.test";
        configure(org, Map.of("emailRecipients", List.of(email), "events", Map.of("escalatedMessage", true)));
        kafka().publish(new MessageReceived(newId("msg"), conversation, org, 7, AuthorType.VISITOR, "v-1", "Grace",
                "Hello? Is anyone there?", null, ConversationStatus.ESCALATED, Instant.now()));
        kafka().publish(new MessageReceived(newId("msg"), conversation, org, 8, AuthorType.VISITOR, "v-1", "Grace",
                "not escalated, not notified", null, ConversationStatus.UNRESOLVED, Instant.now()));

        await().until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).contains("New visitor message");
        assertThat(parts(mail).get("text/plain")).contains("Summary: Hello? Is anyone there?");
        assertThat(log(org)).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "escalated_message"));
    }

    @Test
    void aVisitorFloodingAnEscalatedConversationAlertsTheTeamOnceInFiveMinutes() throws Exception {
        String org = newId("org");
        String conversation = newId("conv");
        String email = "flood-" + conversation + "@acme.test";
        configure(org, Map.of("emailRecipients", List.of(email), "events", Map.of("escalatedMessage", true)));
        for (int seq = 1; seq <= 20; seq++) {
            kafka().publish(new MessageReceived(newId("msg"), conversation, org, seq, AuthorType.VISITOR, "v-1", "Grace",
                    "message " + seq, null, ConversationStatus.ESCALATED, Instant.now()));
        }
        await().until(() -> db.sql("SELECT count(*) FROM conversation_message WHERE conversation_id = :c AND seq = 20")
            .bind("c", conversation).map(row -> row.get(0, Long.class)).one().block() == 1);
        await().until(() -> mailTo(email).size() == 1);

        assertThat(parts(mailTo(email).get(0)).get("text/plain")).contains("Summary: message 1");
        assertThat(log(org)).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "escalated_message"));
        String other = newId("conv");
        kafka().publish(new MessageReceived(newId("msg"), other, org, 1, AuthorType.VISITOR, "v-2", null,
                "another conversation", null, ConversationStatus.ESCALATED, Instant.now()));
        await().until(() -> mailTo(email).size() == 2);
    }

    @Test
    void smsBeyondTheOrgsDailyBudgetAreLoggedAsSkippedAndNeverSent() {
        String org = newId("org");
        String phone = newPhone();
        String email = "budget-" + org + "@acme.test";
        configure(org, Map.of("emailRecipients", List.of(email), "smsNumbers", List.of(phone)));
        db.sql("""
                INSERT INTO notification_delivery (id, org_id, conversation_id, event_id, kind, channel, recipient,
                    status, attempts, created_at)
                SELECT gen_random_uuid(), :org, 'earlier-' || n, 'earlier-' || n, 'HANDOFF', 'SMS', :phone, 'SENT', 1,
                    now() - interval '1 hour'
                FROM generate_series(1, 100) AS n""")
            .bind("org", org).bind("phone", phone).then().block();

        String conversation = newId("conv");
        kafka().publish(accepted(org, conversation));

        await().until(() -> mailTo(email).size() == 1);
        await().untilAsserted(() -> assertThat(log(org)).filteredOn(e -> conversation.equals(e.get("conversationId")))
            .hasSize(2)
            .anySatisfy(e -> assertThat(e).containsEntry("channel", "email").containsEntry("status", "SENT"))
            .anySatisfy(e -> assertThat(e).containsEntry("channel", "sms").containsEntry("status", "SKIPPED")
                .containsEntry("reason", "over the org's budget of 100 SMS a day")));
        assertThat(SMS.requestsTo(phone)).isEmpty();
    }

    @Test
    void settingsAreValidatedAndOnlyAdminsChangeThem() {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/notifications").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("emailRecipients", List.of("not-an-email"), "smsNumbers", List.of("555-1234"),
                    "consoleBaseUrl", "ftp://x", "escalation", Map.of("renotifyAfter", "PT5S")))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.errors.length()").isEqualTo(4);

        as(org, "agent").put().uri("/api/v1/settings/notifications").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("emailRecipients", List.of("a@b.test")))
            .exchange()
            .expectStatus().isForbidden();

        as(org, "agent").get().uri("/api/v1/settings/notifications").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.emailRecipients.length()").isEqualTo(0)
            .jsonPath("$.events.handoff").isEqualTo(true)
            .jsonPath("$.events.escalatedMessage").isEqualTo(false)
            .jsonPath("$.consoleBaseUrl").isEqualTo("http://localhost:8080")
            .jsonPath("$.escalation.renotifyAfter").isEqualTo("PT5M")
            .jsonPath("$.updatedAt").doesNotExist();

        web.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
    }
}
