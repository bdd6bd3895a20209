package com.supportchat.ai.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the reader makes of the messages the issue names, and of the rules it keeps. */
class IntentReaderTest {

    private static final List<Turn> ANSWERED = List.of(new Turn(Turn.Speaker.VISITOR, "How do I reset my password?"),
            new Turn(Turn.Speaker.AI, "From our article \"Resetting your password\": go to acme.example/login ..."));

    private static Reading read(String text) {
        return read(text, List.of());
    }

    private static Reading read(String text, List<Turn> history) {
        return Models.reader().read(text, history, TriggerSettings.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "could you hook me up with a real person", "Passez-moi quelqu'un du support, svp",
        "Ich möchte bitte mit einem Mitarbeiter sprechen", "quiero hablar con una persona", "agent please" })
    void requestsForAPersonAreRead(String text) {
        assertThat(read(text).signals()).as(text).contains(Signal.HUMAN_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = { "I don't need a person, just tell me the price of the Team plan",
        "Does the Starter plan include live chat support?", "does your support team speak Spanish?" })
    void questionsAboutPeopleAndNegatedRequestsAreNotRequests(String text) {
        assertThat(read(text).signals()).as(text).doesNotContain(Signal.HUMAN_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = { "I'm running out of patience with this", "none of your answers make any sense",
        "WHY IS MY ORDER STILL NOT HERE" })
    void frustrationIsRead(String text) {
        assertThat(read(text).signals()).as(text).contains(Signal.FRUSTRATION);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Thanks a lot!!!", "Is the spring sale still running?!" })
    void excitementIsNotFrustration(String text) {
        assertThat(read(text).signals()).as(text).doesNotContain(Signal.FRUSTRATION);
    }

    @Test
    void thanksAfterAnAnswerResolvesButThanksWithANewQuestionDoesNot() {
        assertThat(read("perfect, that did it, thanks!", ANSWERED).signals()).contains(Signal.RESOLUTION);
        assertThat(read("thanks, and how long does shipping take?", ANSWERED).signals()).doesNotContain(Signal.RESOLUTION);
        assertThat(read("thanks, that helps").signals()).as("nothing was answered yet").doesNotContain(Signal.RESOLUTION);
    }

    @Test
    void theSameQuestionAgainAfterAnAnswerIsFrustration() {
        List<Turn> history = List.of(new Turn(Turn.Speaker.VISITOR, "How much does shipping to Canada cost?"),
                new Turn(Turn.Speaker.AI, "From our article \"Shipping\": Standard only, $14.95, free over $150."),
                new Turn(Turn.Speaker.VISITOR, "ok but how long"),
                new Turn(Turn.Speaker.AI, "5-8 business days."));
        Reading again = read("How much does shipping to Canada cost??? I asked already", history);
        assertThat(again.signals()).contains(Signal.FRUSTRATION);
    }

    @Test
    void theLanguageIsDetectedAndSmallTalkRecognised() {
        assertThat(read("Wie lange dauert die Lieferung nach Österreich?").language()).isEqualTo(Language.DE);
        assertThat(read("¿Cuánto cuesta el envío a Canadá?").language()).isEqualTo(Language.ES);
        assertThat(read("Hello, what can you help me with?").smallTalk()).isEqualTo(SmallTalk.CAPABILITIES);
        assertThat(read("Hello, what can you help me with?").signals()).isEmpty();
    }

    @Test
    void theOrgsPhrasesTopicsAndInstructionsAreMatchedByWordsAndByMeaning() {
        TriggerSettings settings = new TriggerSettings(true, TriggerSettings.DEFAULTS.activeTriggers(),
                List.of("lawsuit", "Kryptowährung"), List.of("cancel my account"))
            .withInstructions("- the visitor reports that someone hacked into their account");
        IntentReader reader = Models.reader();

        assertThat(reader.read("I will file lawsuits against you", List.of(), settings).signals())
            .contains(Signal.FORBIDDEN_TOPIC);
        assertThat(reader.read("Akzeptiert ihr Kryptowährungen?", List.of(), settings).signals())
            .contains(Signal.FORBIDDEN_TOPIC);
        assertThat(reader.read("please cancel my account today", List.of(), settings).signals())
            .contains(Signal.CUSTOM_PHRASE);
        assertThat(reader.read("I don't want to cancel my account, just change the plan", List.of(), settings).signals())
            .doesNotContain(Signal.CUSTOM_PHRASE);
        assertThat(reader.read("someone hacked into my account and changed my password", List.of(), settings).reason(
                Signal.CUSTOM_PHRASE)).contains("hacked");
        assertThat(reader.read("Klage mich nicht an", List.of(), settings).signals()).as("German, not the English topic")
            .doesNotContain(Signal.FORBIDDEN_TOPIC);
    }

    @Test
    void aVeryLongMessageIsReadInBoundedTime() {
        String text = "word ".repeat(20_000) + "talk to a human";
        long started = System.nanoTime();
        read(text);
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
}
