package com.supportchat.ai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffRequested;
import com.supportchat.events.HandoffSettingsChanged;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.ReplyGenerated;
import com.supportchat.events.ResolutionRequested;
import com.supportchat.events.Topics;

import org.springframework.http.MediaType;

/** Visitor messages in on message-received, the AI's reaction out on Kafka, end to end through the outbox. */
class ConversationFlowIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String org;

    @BeforeEach
    void setUp() {
        org = newId("org");
        listenTo(Topics.REPLY_GENERATED, Topics.HANDOFF_REQUESTED, Topics.RESOLUTION_REQUESTED);
        as(org, "admin").post().uri("/api/v1/knowledge-base/articles")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "Resetting your password", "format", "markdown", "content", """
                    # Resetting your password

                    Go to acme.example/login and click **Forgot password?**. Enter the email address of your account;
                    we send a reset link that is valid for 60 minutes. Choose a new password of at least 10 characters.
                    """))
            .exchange()
            .expectStatus().isCreated();
    }

    @Test
    void aQuestionTheKnowledgeBaseAnswersGetsAReplyNamingTheArticle() {
        String conversation = newId("conv");
        MessageReceived question = visitorMessage(org, conversation, 1, "How do I reset my password?");
        publish(question);

        ReplyGenerated reply = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(reply.inReplyToMessageId()).isEqualTo(question.messageId());
        assertThat(reply.text()).startsWith("From our article \"Resetting your password\"").contains("Forgot password?");
        assertThat(reply.sources()).extracting(ReplyGenerated.Source::title).containsExactly("Resetting your password");
        assertThat(reply.responder()).isEqualTo("builtin");
        assertThat(reply.orgId()).isEqualTo(org);
    }

    @Test
    void anExplicitRequestForAHumanRaisesAHandoffWithASummary() {
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "How do I reset my password? The link from last week expired"));
        ReplyGenerated answer = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        publishAiMessage(conversation, 2, answer);
        MessageReceived ask = visitorMessage(org, conversation, 3, "can I talk to a human?");
        publish(ask);

        HandoffRequested handoff = data(awaitOne(conversation, Topics.HANDOFF_REQUESTED), HandoffRequested.class);
        assertThat(handoff.trigger()).isEqualTo(HandoffTrigger.HUMAN_REQUEST);
        assertThat(handoff.source()).isEqualTo("ai");
        assertThat(handoff.triggeringMessageId()).isEqualTo(ask.messageId());
        assertThat(handoff.summary()).contains("link from last week expired")
            .contains("answered from the article \"Resetting your password\"");
    }

    @Test
    void aQuestionOutsideTheKnowledgeBaseIsAnsweredHonestlyAndHandedOffByAiDecision() {
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "Do you sell kayaks with rudders?"));

        ReplyGenerated reply = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(reply.text()).contains("couldn't find an answer");
        HandoffRequested handoff = data(awaitOne(conversation, Topics.HANDOFF_REQUESTED), HandoffRequested.class);
        assertThat(handoff.trigger()).isEqualTo(HandoffTrigger.AI_DECISION);
        assertThat(handoff.summary()).contains("kayaks");
    }

    @Test
    void escalatedConversationGetsNoAiReply() {
        String escalated = newId("conv");
        publish(new ConversationStatusChanged(escalated, org, 2, ConversationStatus.UNRESOLVED,
                ConversationStatus.ESCALATED, HandoffTrigger.OPERATOR, "escalated by hand", AuthorType.OPERATOR, "op-1",
                Instant.now()));
        await().atMost(WAIT).until(() -> "ESCALATED".equals(status(escalated)));

        // the message still says UNRESOLVED (sent before conversation-service saw the change): the AI's own context wins
        publish(visitorMessage(org, escalated, 3, "How do I reset my password?"));
        String marker = newId("conv");
        publish(visitorMessage(org, marker, 1, "How do I reset my password?"));
        awaitOne(marker, Topics.REPLY_GENERATED);

        assertThat(recordsFor(escalated)).isEmpty();
    }

    @Test
    void aDeclinedHandoffLeavesTheConversationWithTheAi() {
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "I want to speak to a real person"));
        HandoffRequested handoff = data(awaitOne(conversation, Topics.HANDOFF_REQUESTED), HandoffRequested.class);
        publish(new HandoffDecided(handoff.requestId(), conversation, org, handoff.trigger(), false, "outside office hours",
                handoff.summary(), "Our team is offline right now.", Instant.now()));
        await().atMost(WAIT).until(() -> declined(conversation));

        publish(visitorMessage(org, conversation, 4, "ok then, how do I reset my password?"));
        ReplyGenerated reply = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(reply.text()).contains("Forgot password?");
    }

    @Test
    void withLiveHandoffOffAHumanRequestGetsAPoliteAnswerInstead() {
        publish(new HandoffSettingsChanged(org, false, 0, false, EnumSet.noneOf(HandoffTrigger.class), List.of(), List.of(),
                Instant.now()));
        await().atMost(WAIT).until(() -> db.sql("SELECT count(*) AS n FROM handoff_settings WHERE org_id = :org")
            .bind("org", org).map(row -> row.get("n", Long.class)).one().block() == 1L);
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "talk to a human"));

        ReplyGenerated reply = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(reply.text()).contains("human agent isn't available");
        assertThat(recordsFor(conversation)).noneMatch(r -> r.topic().equals(Topics.HANDOFF_REQUESTED));
    }

    @Test
    void unansweredQuestionsInARowAreUnproductiveWhenTheAiMayNotDecideAlone() {
        publish(new HandoffSettingsChanged(org, true, 3, true,
                EnumSet.of(HandoffTrigger.HUMAN_REQUEST, HandoffTrigger.UNPRODUCTIVE), List.of(), List.of(), Instant.now()));
        await().atMost(WAIT).until(() -> db.sql("SELECT count(*) AS n FROM handoff_settings WHERE org_id = :org")
            .bind("org", org).map(row -> row.get("n", Long.class)).one().block() == 1L);
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "Do you sell kayaks with rudders?"));
        ReplyGenerated first = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        assertThat(first.text()).contains("couldn't find an answer").contains("rephrase");
        publish(visitorMessage(org, conversation, 3, "What about canoes for two people?"));

        HandoffRequested handoff = data(awaitOne(conversation, Topics.HANDOFF_REQUESTED), HandoffRequested.class);
        assertThat(handoff.trigger()).isEqualTo(HandoffTrigger.UNPRODUCTIVE);
        assertThat(handoff.summary()).contains("kayaks").contains("canoes");
    }

    @Test
    void aFrustratedVisitorIsHandedOff() {
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "this is useless, nothing works"));

        HandoffRequested handoff = data(awaitOne(conversation, Topics.HANDOFF_REQUESTED), HandoffRequested.class);
        assertThat(handoff.trigger()).isEqualTo(HandoffTrigger.FRUSTRATION);
    }

    @Test
    void thanksAfterAnAnswerRequestsResolution() {
        String conversation = newId("conv");
        publish(visitorMessage(org, conversation, 1, "How do I reset my password?"));
        ReplyGenerated answer = data(awaitOne(conversation, Topics.REPLY_GENERATED), ReplyGenerated.class);
        publishAiMessage(conversation, 2, answer);
        publish(visitorMessage(org, conversation, 3, "thanks, that helps!"));

        ResolutionRequested resolution = data(awaitOne(conversation, Topics.RESOLUTION_REQUESTED),
                ResolutionRequested.class);
        assertThat(resolution.orgId()).isEqualTo(org);
    }

    @Test
    void aRedeliveredMessageIsAnsweredOnce() {
        String conversation = newId("conv");
        MessageReceived question = visitorMessage(org, conversation, 1, "How do I reset my password?");
        publish(question, "event-" + question.messageId());
        publish(question, "event-" + question.messageId());
        String marker = newId("conv");
        publish(visitorMessage(org, marker, 1, "How do I reset my password?"));
        awaitOne(marker, Topics.REPLY_GENERATED);
        awaitOne(conversation, Topics.REPLY_GENERATED);

        assertThat(recordsFor(conversation)).hasSize(1);
    }


    /** What conversation-service does with an AI reply: append it and publish it as a message. */
    private void publishAiMessage(String conversation, long seq, ReplyGenerated reply) {
        publish(new MessageReceived(reply.replyId(), conversation, org, seq, AuthorType.AI, null, "Assistant", reply.text(),
                null, ConversationStatus.UNRESOLVED, Instant.now()));
    }



    private String status(String conversation) {
        return db.sql("SELECT status FROM conversation_context WHERE conversation_id = :c")
            .bind("c", conversation).map(row -> row.get("status", String.class)).one().block();
    }

    private boolean declined(String conversation) {
        return Boolean.TRUE.equals(db.sql("SELECT handoff_declined_at IS NOT NULL AS d FROM conversation_context "
                + "WHERE conversation_id = :c").bind("c", conversation).map(row -> row.get("d", Boolean.class)).one()
            .block());
    }
}
