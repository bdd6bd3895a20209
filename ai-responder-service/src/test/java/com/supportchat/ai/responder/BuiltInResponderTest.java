package com.supportchat.ai.responder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.supportchat.ai.knowledge.KnowledgeIndex;
import com.supportchat.ai.knowledge.RetrievalConfidence;
import com.supportchat.ai.settings.AiSettings;
import com.supportchat.ai.understanding.Models;
import com.supportchat.ai.understanding.Reading;
import com.supportchat.ai.understanding.TriggerSettings;

/** The built-in responder over the demo knowledge base, reading messages the way a real message is read. */
class BuiltInResponderTest {

    static KnowledgeIndex index;
    static BuiltInResponder responder;

    @BeforeAll
    static void indexDemoArticles() {
        index = DemoKnowledgeBase.index();
        responder = new BuiltInResponder(index, RetrievalConfidence.load());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    /** The paraphrases the issue names, and the plain questions: answered from the right article, naming it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my parcel still hasn't shown up|Shipping",
            "are you open at the weekend|Opening hours",
            "can I send the boots back and get my money|Refunds",
            "What are your opening hours?|Opening hours",
            "How do I reset my password?|Resetting your password",
            "how can I track my order|Shipping",
            "how much does the team plan cost|Pricing plans" })
    void answersFromTheRightArticleNamingIt(String question, String titleStart) {
        ResponderOutcome outcome = respond(question);
        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.text()).startsWith("From our article \"" + titleStart);
            assertThat(answer.sources()).singleElement().satisfies(s -> assertThat(s.title()).startsWith(titleStart));
            assertThat(answer.responder()).isEqualTo("builtin");
            assertThat(answer.confidence()).isGreaterThanOrEqualTo(RetrievalConfidence.load().threshold());
        });
    }

    @Test
    void aQuestionInAnotherLanguageIsAnsweredInItsWordsFromTheEnglishArticle() {
        ResponderOutcome outcome = respond("Wie kann ich mein Passwort zurücksetzen?");
        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.text()).startsWith("Aus unserem Artikel \"Resetting your password\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "What is the capital of Australia?", "can you write me a poem about the sea",
            "how do I configure kubernetes ingress" })
    void saysHonestlyItDoesNotKnowWhenNoPassageIsConfident(String question) {
        assertThat(respond(question)).isInstanceOfSatisfying(ResponderOutcome.Unanswered.class,
                unanswered -> assertThat(unanswered.text()).contains("couldn't find an answer"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hi", "Hello there!", "how are you?", "are you a bot?", "bye" })
    void smallTalkGetsAFriendlyReplyNotASearch(String text) {
        assertThat(respond(text)).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.smallTalk()).isTrue();
            assertThat(answer.sources()).isEmpty();
        });
    }

    @Test
    void whatCanYouHelpWithNamesWhatTheKnowledgeBaseCovers() {
        assertThat(respond("Hello, what can you help me with?")).isInstanceOfSatisfying(ResponderOutcome.Answered.class,
                answer -> {
                    assertThat(answer.smallTalk()).isTrue();
                    assertThat(answer.text()).contains("opening hours and how to reach us").contains("pricing plans")
                        .contains("refunds and returns");
                });
        assertThat(respond("Hallo, wobei kannst du mir helfen?")).isInstanceOfSatisfying(ResponderOutcome.Answered.class,
                answer -> assertThat(answer.text()).startsWith("Ich kann Fragen").contains("opening hours"));
    }

    @Test
    void aLongMessageWithThousandsOfDistinctWordsIsStillAnsweredWithoutExhaustingTheQuery() {
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            noise.append("word").append(Integer.toString(i, 36)).append(' ');
        }
        ResponderOutcome outcome = respond("How do I reset my password? " + noise);
        assertThat(outcome).isNotNull();
        assertThat(outcome.responder()).isEqualTo("builtin");
    }

    @Test
    void anOrgWithoutArticlesKnowsNothingButStillSaysWhatItDoes() {
        assertThat(responder.respond(request("other-org", "How do I reset my password?")).block(Duration.ofSeconds(5)))
            .isInstanceOf(ResponderOutcome.Unanswered.class);
        assertThat(responder.respond(request("other-org", "what can you do?")).block(Duration.ofSeconds(5)))
            .isInstanceOfSatisfying(ResponderOutcome.Answered.class,
                    answer -> assertThat(answer.text()).contains("help articles"));
    }

    private static ResponderOutcome respond(String text) {
        return responder.respond(request(DemoKnowledgeBase.ORG, text)).block(Duration.ofSeconds(10));
    }

    static ResponderRequest request(String text) {
        return request(DemoKnowledgeBase.ORG, text);
    }

    static ResponderRequest request(String org, String text) {
        Reading reading = Models.reader().read(text, List.of(), TriggerSettings.DEFAULTS);
        return new ResponderRequest(org, "c1", "m1", text, List.of(), AiSettings.defaults(org), reading);
    }
}
