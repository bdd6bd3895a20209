package com.supportchat.ai.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.supportchat.events.HandoffTrigger;

class TriggerDetectorTest {

    private final TriggerDetector detector = new TriggerDetector();

    @ParameterizedTest
    @ValueSource(strings = { "talk to a human", "speak to someone", "I need help from a real person",
            "can I chat with a human?", "connect me with support", "I want to talk to a real agent", "tlak to a humna" })
    void explicitRequestsForAPersonAreHumanRequests(String text) {
        assertThat(detector.detect(text).signal()).isEqualTo(Signal.HUMAN_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = { "no need for a person, I just want the price",
            "does the team plan include extra seats for my support staff?", "is a human reviewing refunds?",
            "I don't want to talk to a human" })
    void negationsAndNearMissesAreNotHumanRequests(String text) {
        assertThat(detector.detect(text).signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void resolutionNeedsAnUnqualifiedConfirmation() {
        assertThat(detector.detect("thanks, that helps!").signal()).isEqualTo(Signal.RESOLUTION);
        assertThat(detector.detect("perfect, thank you").signal()).isEqualTo(Signal.RESOLUTION);
        assertThat(detector.detect("thanks, but it still doesn't work").signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void theSameQuestionAgainIsFrustration() {
        Detection detection = detector.detect("How do I export my invoices?", TriggerSettings.DEFAULTS,
                List.of("How do I export my invoices?", "hmm"));
        assertThat(detection.signal()).isEqualTo(Signal.FRUSTRATION);
        assertThat(detection.reason()).contains("repeated");
    }

    @Test
    void shortRepliesRepeatedAreNotFrustration() {
        assertThat(detector.detect("yes", TriggerSettings.DEFAULTS, List.of("yes")).signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void shoutingIsFrustrationButAcronymsAreNot() {
        assertThat(detector.detect("WHY IS THIS STILL BROKEN").signal()).isEqualTo(Signal.FRUSTRATION);
        assertThat(detector.detect("my USB and NFC do not work").signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void inactiveTriggersAreNotDetectedButHumanRequestsAlwaysAre() {
        TriggerSettings onlyHuman = new TriggerSettings(true, EnumSet.of(HandoffTrigger.HUMAN_REQUEST),
                List.of("lawsuit"), List.of("cancel my account"));
        assertThat(detector.detect("this is useless", onlyHuman, List.of()).signal()).isEqualTo(Signal.NONE);
        assertThat(detector.detect("I will file a lawsuit", onlyHuman, List.of()).signal()).isEqualTo(Signal.NONE);
        assertThat(detector.detect("cancel my account", onlyHuman, List.of()).signal()).isEqualTo(Signal.NONE);
        TriggerSettings none = new TriggerSettings(false, EnumSet.noneOf(HandoffTrigger.class), List.of(), List.of());
        assertThat(detector.detect("talk to a human", none, List.of()).signal()).isEqualTo(Signal.HUMAN_REQUEST);
    }

    @Test
    void forbiddenTopicsAndCustomPhrasesMatchOnStems() {
        TriggerSettings org = new TriggerSettings(true, TriggerSettings.DEFAULTS.activeTriggers(),
                List.of("medical advice"), List.of("cancel my account"));
        assertThat(detector.detect("any medical advices?", org, List.of()).signal()).isEqualTo(Signal.FORBIDDEN_TOPIC);
        assertThat(detector.detect("I'm cancelling my account", org, List.of()).signal())
            .isEqualTo(Signal.CUSTOM_PHRASE);
        assertThat(detector.detect("I don't want to cancel my account", org, List.of()).signal())
            .isEqualTo(Signal.NONE);
    }
}
