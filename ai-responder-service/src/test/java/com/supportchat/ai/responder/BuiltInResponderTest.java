package com.supportchat.ai.responder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.supportchat.ai.knowledge.KnowledgeIndex;
import com.supportchat.ai.knowledge.Passage;
import com.supportchat.ai.settings.AiSettings;

class BuiltInResponderTest {

    private static final Logger log = LoggerFactory.getLogger(BuiltInResponderTest.class);

    static KnowledgeIndex index;
    static BuiltInResponder responder;

    @BeforeAll
    static void indexDemoArticles() {
        index = DemoKnowledgeBase.index();
        responder = new BuiltInResponder(index, ResponderPropertiesMother.defaults());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What are your opening hours?|Opening hours",
            "when is the support team available on saturday|Opening hours",
            "How do I reset my password?|Resetting your password",
            "I forgot my password|Resetting your password",
            "how long does delivery take to Germany|Shipping",
            "how can I track my order|Shipping",
            "Can I get a refund?|Refunds",
            "How do I return an item?|Refunds",
            "how long do refunds to my card take|Refunds",
            "how much does the team plan cost per seat|Pricing plans",
            "where is your Berlin store|Opening hours",
            "How do I reset my password? The link from last week expired|Resetting your password" })
    void answersFromTheRightArticleNamingIt(String question, String titleStart) {
        ResponderOutcome outcome = responder.respond(request(question)).block(Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.text()).startsWith("From our article \"" + titleStart);
            assertThat(answer.sources()).singleElement().satisfies(s -> assertThat(s.title()).startsWith(titleStart));
            assertThat(answer.responder()).isEqualTo("builtin");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "Do you sell bicycles?", "What is the capital of Australia?", "can you write me a poem",
            "my cat is sick, what should I do", "what is your opinion on the elections", "how do I configure kubernetes ingress" })
    void saysHonestlyItDoesNotKnowWhenNoPassageIsConfident(String question) {
        ResponderOutcome outcome = responder.respond(request(question)).block(Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Unanswered.class,
                unanswered -> assertThat(unanswered.text()).contains("couldn't find an answer"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hi", "Hello there!", "thanks", "how are you?", "are you a bot?", "bye" })
    void smallTalkGetsAFriendlyReplyNotASearch(String text) {
        ResponderOutcome outcome = responder.respond(request(text)).block(Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.smallTalk()).isTrue();
            assertThat(answer.sources()).isEmpty();
        });
    }

    @Test
    void anOrgWithoutArticlesKnowsNothing() {
        ResponderOutcome outcome = responder.respond(new ResponderRequest("other-org", "c1", "m1",
                "How do I reset my password?", List.of(), AiSettings.defaults("other-org"))).block(Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOf(ResponderOutcome.Unanswered.class);
    }

    /** Prints the confidence of the best passage for questions in and out of the knowledge base (threshold calibration). */
    @Test
    void confidenceSeparatesAnswerableFromUnanswerableQuestions() {
        List<String> inside = List.of("What are your opening hours?", "How do I reset my password?",
                "how can I track my order", "How do I return an item?", "how much does the team plan cost per seat",
                "how long does delivery take to Germany", "how long do refunds to my card take",
                "is the Munich store open on saturday", "can I pay by invoice with Klarna");
        List<String> outside = List.of("Do you sell bicycles?", "What is the capital of Australia?",
                "my cat is sick, what should I do", "how do I configure kubernetes ingress", "can you write me a poem",
                "what is your opinion on the elections", "do you have a discount for students", "is the app on android");
        inside.forEach(q -> log.info(String.format(Locale.ROOT, "in  %.2f %s", bestConfidence(q), q)));
        outside.forEach(q -> log.info(String.format(Locale.ROOT, "out %.2f %s", bestConfidence(q), q)));
        double lowestInside = inside.stream().mapToDouble(BuiltInResponderTest::bestConfidence).min().orElseThrow();
        double highestOutside = outside.stream().mapToDouble(BuiltInResponderTest::bestConfidence).max().orElseThrow();
        log.info(String.format(Locale.ROOT, "lowest confidence in the KB %.2f, highest outside %.2f", lowestInside,
                highestOutside));
        assertThat(lowestInside).isGreaterThan(highestOutside);
    }

    private static double bestConfidence(String question) {
        List<Passage> passages = index.search(DemoKnowledgeBase.ORG, question, 3).block(Duration.ofSeconds(5));
        return passages.stream().mapToDouble(Passage::confidence).max().orElse(0);
    }

    static ResponderRequest request(String text) {
        return new ResponderRequest(DemoKnowledgeBase.ORG, "c1", "m1", text, List.of(),
                AiSettings.defaults(DemoKnowledgeBase.ORG));
    }
}
