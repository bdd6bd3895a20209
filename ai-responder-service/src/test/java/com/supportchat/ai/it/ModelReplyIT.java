package com.supportchat.ai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.supportchat.ai.conversation.ReplyJobProperties;
import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.ReplyGenerated;
import com.supportchat.events.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Replies from an org's model (a fake OpenAI-compatible endpoint over real HTTP) are worked off the Kafka consumer:
 * a slow model call holds up no other conversation, an answer that comes after an operator took over is dropped,
 * and a reply job left behind by a crashed instance is taken up again.
 */
class ModelReplyIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A question with this word gets its answer after {@link #SLOW_ANSWER}. */
    // a marker word that reads as nothing (an all-capitals word can read as emphasis, i.e. frustration)
    private static final String SLOW = "slowmarker";
    private static final long SLOW_ANSWER = 3_000;

    private static MockWebServer model;
    private static final List<String> questionsSeen = new CopyOnWriteArrayList<>();

    private String org;

    @Autowired
    private ReplyJobProperties replies;

    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    static void startModel() throws IOException {
        model = new MockWebServer();
        model.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                questionsSeen.add(body);
                MockResponse.Builder response = new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json")
                    .body(completion("The model's answer."));
                return (body.contains(SLOW) ? response.headersDelay(SLOW_ANSWER, TimeUnit.MILLISECONDS) : response).build();
            }
        });
        model.start();
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @BeforeEach
    void setUp() {
        org = newId("org");
        listenTo(Topics.REPLY_GENERATED, Topics.HANDOFF_REQUESTED);
        as(org, "admin").put().uri("/api/v1/settings/ai")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("baseUrl", model.url("/v1").toString(), "apiKey", "sk-org-key", "model", "fake-model"))
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void aSlowModelCallHoldsUpNoOtherConversation() {
        String slow = newId("conv");
        String fast = newId("conv");
        publish(visitorMessage(org, slow, 1, "Please answer " + SLOW + " (" + slow + "): what are your opening hours?"));
        await().atMost(WAIT).until(() -> questionsSeen.stream().anyMatch(q -> q.contains(slow)));

        publish(visitorMessage(org, fast, 1, "What are your opening hours?"));

        ReplyGenerated fastReply = data(awaitOne(fast, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(fastReply.responder()).isEqualTo("openai");
        assertThat(fastReply.text()).isEqualTo("The model's answer.");
        assertThat(recordsFor(slow)).as("the slow conversation's answer is still on its way").isEmpty();

        ReplyGenerated slowReply = data(awaitOne(slow, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(slowReply.responder()).isEqualTo("openai");
        assertThat(pendingJobs(slow)).isZero();
    }

    @Test
    void anAnswerThatComesAfterAnOperatorTookOverIsDropped() {
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "Tell me " + SLOW + " about your returns policy"));
        await().atMost(WAIT).until(() -> pendingJobs(conversation) == 1);

        publish(new ConversationStatusChanged(conversation, org, 2, ConversationStatus.UNRESOLVED,
                ConversationStatus.ESCALATED, HandoffTrigger.OPERATOR, "taken over", AuthorType.OPERATOR, "op-1",
                Instant.now()));
        await().atMost(WAIT).until(() -> pendingJobs(conversation) == 0);

        // replies leave through the outbox in the order they were written: once a later one is out, so would this one be
        String marker = newId("conv");
        publish(visitorMessage(org, marker, 1, "What are your opening hours?"));
        awaitOne(marker, Topics.REPLY_GENERATED);
        assertThat(recordsFor(conversation)).isEmpty();
    }

    @Test
    void aReplyJobLeftBehindByACrashedInstanceIsTakenUpAgain() {
        String conversation = newId("conv");
        MessageReceived question = visitorMessage(org, conversation, 1, "What are your opening hours?");
        insertOverdueJob(question.messageId(), conversation, json.writeValueAsString(question), 1);

        ReplyGenerated reply = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(reply.inReplyToMessageId()).isEqualTo(question.messageId());
        assertThat(reply.responder()).isEqualTo("openai");
        assertThat(pendingJobs(conversation)).isZero();
        assertThat(recordsFor(conversation)).hasSize(1);
    }

    @Test
    void aReplyJobThatFailsItsLastAttemptIsDeadIsNeverTriedAgainAndTheVisitorGetsTheBuiltInApology() {
        String conversation = newId("conv");
        String messageId = newId("msg");
        double deadBefore = meters.counter("supportchat.ai.reply.jobs", "outcome", "dead").count();
        // a job whose stored event cannot be read fails every attempt; this one has failed all but its last
        insertOverdueJob(messageId, conversation, "not a message-received event", replies.maxAttempts() - 1);

        ReplyGenerated apology = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(apology.inReplyToMessageId()).isEqualTo(messageId);
        assertThat(apology.responder()).isEqualTo("builtin");
        assertThat(apology.text()).startsWith("I'm sorry, I can't answer that one.");
        assertThat(db.sql("SELECT attempts, last_error FROM reply_job WHERE message_id = :m AND dead_at IS NOT NULL")
            .bind("m", messageId)
            .map(row -> row.get("attempts", Integer.class) + " " + row.get("last_error", String.class))
            .one().block()).isEqualTo(replies.maxAttempts() + " java.lang.IllegalStateException: "
                    + "the stored message-received event cannot be read");
        assertThat(meters.counter("supportchat.ai.reply.jobs", "outcome", "dead").count() - deadBefore).isEqualTo(1.0);

        // its claim runs out again, yet the sweep that answers a later overdue job passes it by
        db.sql("UPDATE reply_job SET claimed_until = now() - interval '1 minute' WHERE message_id = :m")
            .bind("m", messageId).then().block();
        String marker = newId("conv");
        MessageReceived question = visitorMessage(org, marker, 1, "What are your opening hours?");
        insertOverdueJob(question.messageId(), marker, json.writeValueAsString(question), 1);
        awaitOne(marker, Topics.REPLY_GENERATED);
        assertThat(db.sql("SELECT attempts FROM reply_job WHERE message_id = :m").bind("m", messageId)
            .map(row -> row.get("attempts", Integer.class)).one().block()).isEqualTo(replies.maxAttempts());
        assertThat(recordsFor(conversation)).hasSize(1);
    }

    /** A reply job as an instance leaves it when it dies during the model call: written, claimed, the claim run out. */
    private void insertOverdueJob(String messageId, String conversation, String payload, int attempts) {
        db.sql("""
                INSERT INTO reply_job (message_id, conversation_id, org_id, message, received_at, attempts, claim,
                                       claimed_until)
                VALUES (:message, :conversation, :org, :payload, now() - interval '2 minutes', :attempts, :claim,
                        now() - interval '1 minute')""")
            .bind("message", messageId)
            .bind("conversation", conversation)
            .bind("org", org)
            .bind("payload", payload)
            .bind("attempts", attempts)
            .bind("claim", UUID.randomUUID())
            .then()
            .block();
    }

    private long pendingJobs(String conversation) {
        return db.sql("SELECT count(*) AS n FROM reply_job WHERE conversation_id = :c")
            .bind("c", conversation).map(row -> row.get("n", Long.class)).one().block();
    }



    private static String completion(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"fake-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                + "\",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
    }
}
