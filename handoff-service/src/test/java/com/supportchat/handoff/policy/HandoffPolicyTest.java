package com.supportchat.handoff.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.supportchat.events.HandoffTrigger;
import com.supportchat.handoff.settings.HandoffSettings;
import com.supportchat.handoff.settings.HandoffSettings.OutsideHoursBehaviour;
import com.supportchat.handoff.settings.HandoffSettings.Triggers;

import static com.supportchat.events.HandoffTrigger.AI_DECISION;
import static com.supportchat.events.HandoffTrigger.CUSTOM_PHRASE;
import static com.supportchat.events.HandoffTrigger.FORBIDDEN_TOPIC;
import static com.supportchat.events.HandoffTrigger.FRUSTRATION;
import static com.supportchat.events.HandoffTrigger.HUMAN_REQUEST;
import static com.supportchat.events.HandoffTrigger.OPERATOR;
import static com.supportchat.events.HandoffTrigger.UNPRODUCTIVE;
import static org.assertj.core.api.Assertions.assertThat;

class HandoffPolicyTest {

    /** Wednesday 2026-11-18 10:30 UTC: inside Mon-Fri 09-17 in UTC and in Europe/London. */
    static final Clock WEDNESDAY_MORNING_UTC = Clock.fixed(Instant.parse("2026-11-18T10:30:00Z"), ZoneOffset.UTC);

    static HandoffRequest request(HandoffTrigger trigger, int visitorMessages, int aiReplies, int priorDeclines) {
        return new HandoffRequest(trigger, "ai", visitorMessages, aiReplies, priorDeclines, true);
    }

    static HandoffRequest first(HandoffTrigger trigger) {
        return request(trigger, 1, 0, 0);
    }

    static HandoffDecision decide(HandoffRequest request, HandoffSettings settings) {
        return HandoffPolicy.decide(request, settings, WEDNESDAY_MORNING_UTC);
    }

    // ---- SwitchAndLevelZero

    @Test
    void switchedOffDeclinesEvenADirectRequestPolitely() {
        HandoffDecision decision = decide(first(HUMAN_REQUEST), SettingsMother.switchedOff());
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(DecisionReason.LIVE_HANDOFF_DISABLED);
        assertThat(decision.visitorMessage()).startsWith("I'm sorry").contains("I'm here to help");
    }

    @Test
    void switchedOffDeclinesForbiddenTopicsToo() {
        assertThat(decide(first(FORBIDDEN_TOPIC), SettingsMother.switchedOff()).accepted()).isFalse();
    }

    @Test
    void aiOnlyLevelDeclinesEveryTriggerPolitely() {
        for (HandoffTrigger trigger : new HandoffTrigger[] { HUMAN_REQUEST, CUSTOM_PHRASE, FRUSTRATION, AI_DECISION, UNPRODUCTIVE }) {
            HandoffDecision decision = decide(request(trigger, 5, 5, 5), SettingsMother.level(0));
            assertThat(decision.accepted()).as(trigger.name()).isFalse();
            assertThat(decision.reason()).isEqualTo(DecisionReason.AI_ONLY_LEVEL);
            assertThat(decision.visitorMessage()).isEqualTo(HandoffPolicy.UNAVAILABLE);
        }
    }

    @Test
    void forbiddenTopicIsHandedOffEvenAtAiOnlyLevel() {
        HandoffDecision decision = decide(first(FORBIDDEN_TOPIC), SettingsMother.level(0));
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.reason()).isEqualTo(DecisionReason.FORBIDDEN_TOPIC);
        assertThat(decision.visitorMessage()).isEqualTo(HandoffPolicy.CONNECTING);
    }

    @Test
    void operatorEscalationIsAlwaysAccepted() {
        assertThat(decide(first(OPERATOR), SettingsMother.switchedOff()).accepted()).isTrue();
        assertThat(decide(first(OPERATOR), SettingsMother.level(0)).accepted()).isTrue();
    }

    // ---- QuickHandoff

    @Test
    void acceptsEveryTriggerOnTheFirstRequestWithTheConnectingMessage() {
        for (HandoffTrigger trigger : new HandoffTrigger[] { HUMAN_REQUEST, CUSTOM_PHRASE, FRUSTRATION, AI_DECISION, UNPRODUCTIVE, FORBIDDEN_TOPIC }) {
            HandoffDecision decision = decide(request(trigger, 1, 0, 0), SettingsMother.level(1));
            assertThat(decision.accepted()).as(trigger.name()).isTrue();
            assertThat(decision.visitorMessage()).isEqualTo(HandoffPolicy.CONNECTING);
        }
    }

    @Test
    void defaultsAreQuickHandoff() {
        assertThat(HandoffSettings.defaults().level()).isEqualTo(HandoffSettings.QUICK);
        assertThat(decide(first(FRUSTRATION), HandoffSettings.defaults()).accepted()).isTrue();
    }

    // ---- Balanced

    @Test
    void respectsADirectRequestAtOnce() {
        assertThat(decide(request(HUMAN_REQUEST, 1, 0, 0), SettingsMother.level(2)).accepted()).isTrue();
        assertThat(decide(request(CUSTOM_PHRASE, 1, 0, 0), SettingsMother.level(2)).accepted()).isTrue();
    }

    @Test
    void declinesAFirstAiDecisionSoTheAiTriesFirst() {
        HandoffDecision decision = decide(request(AI_DECISION, 1, 1, 0), SettingsMother.level(2));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(DecisionReason.AI_SHOULD_TRY_FIRST);
        assertThat(decision.visitorMessage()).isEqualTo(HandoffPolicy.TRY_FIRST);
    }

    @Test
    void acceptsUnproductiveAfterTwoAiAttempts() {
        assertThat(decide(request(UNPRODUCTIVE, 2, 1, 0), SettingsMother.level(2)).accepted()).isFalse();
        assertThat(decide(request(UNPRODUCTIVE, 2, 2, 0), SettingsMother.level(2)).accepted()).isTrue();
    }

    @Test
    void acceptsFrustrationOnceTheAiHasAnsweredOnce() {
        assertThat(decide(request(FRUSTRATION, 1, 0, 0), SettingsMother.level(2)).accepted()).isFalse();
        assertThat(decide(request(FRUSTRATION, 1, 1, 0), SettingsMother.level(2)).accepted()).isTrue();
    }

    @Test
    void acceptsAfterTwoDeclinesSoNobodyIsKeptFromAHumanForever() {
        assertThat(decide(request(AI_DECISION, 1, 0, 2), SettingsMother.level(2)).accepted()).isTrue();
    }

    @Test
    void balancedAlwaysAcceptsForbiddenTopics() {
        assertThat(decide(request(FORBIDDEN_TOPIC, 1, 0, 0), SettingsMother.level(2)).accepted()).isTrue();
    }

    // ---- AiFirst

    @Test
    void asksForAProblemStatementBeforeHonouringADirectRequest() {
        HandoffDecision decision = decide(request(HUMAN_REQUEST, 1, 0, 0), SettingsMother.level(3));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(DecisionReason.PROBLEM_STATEMENT_NEEDED);
        assertThat(decision.visitorMessage()).contains("describe the problem");
    }

    @Test
    void acceptsADirectRequestOnceTheProblemIsStatedAndTheAiTried() {
        assertThat(decide(request(HUMAN_REQUEST, 2, 1, 0), SettingsMother.level(3)).accepted()).isTrue();
    }

    @Test
    void needsSeveralAiAttemptsForAiTriggers() {
        assertThat(decide(request(UNPRODUCTIVE, 3, 2, 0), SettingsMother.level(3)).reason())
            .isEqualTo(DecisionReason.AI_SHOULD_TRY_FIRST);
        assertThat(decide(request(UNPRODUCTIVE, 3, 3, 0), SettingsMother.level(3)).accepted()).isTrue();
        assertThat(decide(request(AI_DECISION, 1, 5, 0), SettingsMother.level(3)).reason())
            .isEqualTo(DecisionReason.PROBLEM_STATEMENT_NEEDED);
    }

    @Test
    void acceptsAVisitorWhoInsistedThreeTimes() {
        assertThat(decide(request(HUMAN_REQUEST, 1, 0, 2), SettingsMother.level(3)).accepted()).isTrue();
    }

    @Test
    void aiFirstAlwaysAcceptsForbiddenTopics() {
        assertThat(decide(request(FORBIDDEN_TOPIC, 1, 0, 0), SettingsMother.level(3)).accepted()).isTrue();
    }

    // ---- AdvancedToggles

    static final Triggers ALL_OFF = new Triggers(false, false, false, false, false);

    @Test
    void eachToggleGovernsItsTrigger() {
        assertThat(decide(first(HUMAN_REQUEST), SettingsMother.advanced(new Triggers(true, false, false, false, false))).accepted()).isTrue();
        assertThat(decide(first(CUSTOM_PHRASE), SettingsMother.advanced(new Triggers(true, false, false, false, false))).accepted()).isTrue();
        assertThat(decide(first(FRUSTRATION), SettingsMother.advanced(new Triggers(false, true, false, false, false))).accepted()).isTrue();
        assertThat(decide(first(UNPRODUCTIVE), SettingsMother.advanced(new Triggers(false, false, true, false, false))).accepted()).isTrue();
        assertThat(decide(first(AI_DECISION), SettingsMother.advanced(new Triggers(false, false, false, true, false))).accepted()).isTrue();
        for (HandoffTrigger trigger : new HandoffTrigger[] { HUMAN_REQUEST, CUSTOM_PHRASE, FRUSTRATION, UNPRODUCTIVE, AI_DECISION }) {
            HandoffDecision decision = decide(first(trigger), SettingsMother.advanced(ALL_OFF));
            assertThat(decision.accepted()).as(trigger.name()).isFalse();
            assertThat(decision.reason()).isEqualTo(DecisionReason.TRIGGER_DISABLED);
        }
    }

    @Test
    void aDisabledHumanRequestIsExplainedButAiTriggersAreNot() {
        assertThat(decide(first(HUMAN_REQUEST), SettingsMother.advanced(ALL_OFF)).visitorMessage())
            .isEqualTo(HandoffPolicy.UNAVAILABLE);
        assertThat(decide(first(AI_DECISION), SettingsMother.advanced(ALL_OFF)).visitorMessage()).isNull();
    }

    @Test
    void advancedModeIgnoresTheLevel() {
        assertThat(decide(first(HUMAN_REQUEST), SettingsMother.advanced(Triggers.ALL_ON)).accepted()).isTrue();
    }

    @Test
    void aForbiddenTopicRequestIsAcceptedEvenWithItsToggleOff() {
        assertThat(decide(first(FORBIDDEN_TOPIC), SettingsMother.advanced(ALL_OFF)).accepted()).isTrue();
    }

    @Test
    void activeTriggersFollowTheToggles() {
        assertThat(SettingsMother.advanced(new Triggers(true, false, false, true, false)).activeTriggers())
            .containsExactlyInAnyOrder(HUMAN_REQUEST, CUSTOM_PHRASE, AI_DECISION);
        assertThat(SettingsMother.advanced(new Triggers(false, false, false, false, true)).activeTriggers())
            .containsExactly(FORBIDDEN_TOPIC);
        assertThat(SettingsMother.level(0).activeTriggers()).isEmpty();
        assertThat(SettingsMother.level(2).activeTriggers())
            .containsExactlyInAnyOrder(HUMAN_REQUEST, FRUSTRATION, UNPRODUCTIVE, AI_DECISION);
        assertThat(SettingsMother.switchedOff().activeTriggers()).isEmpty();
    }

    // ---- DataCollection

    @Test
    void asksForNameAndEmailWhenUnknownAndEnabled() {
        HandoffRequest unknown = new HandoffRequest(HUMAN_REQUEST, "visitor", 1, 0, 0, false);
        assertThat(decide(unknown, SettingsMother.withDataCollection(true)).visitorMessage())
            .isEqualTo(HandoffPolicy.CONNECTING + HandoffPolicy.ASK_NAME_AND_EMAIL);
    }

    @Test
    void doesNotAskWhenKnownOrDisabled() {
        HandoffRequest known = new HandoffRequest(HUMAN_REQUEST, "visitor", 1, 0, 0, true);
        HandoffRequest unknown = new HandoffRequest(HUMAN_REQUEST, "visitor", 1, 0, 0, false);
        assertThat(decide(known, SettingsMother.withDataCollection(true)).visitorMessage()).isEqualTo(HandoffPolicy.CONNECTING);
        assertThat(decide(unknown, SettingsMother.withDataCollection(false)).visitorMessage()).isEqualTo(HandoffPolicy.CONNECTING);
    }

    // ---- OfficeHours

    static HandoffDecision at(String instant, HandoffSettings settings, boolean emailKnown) {
        HandoffRequest request = new HandoffRequest(HUMAN_REQUEST, "ai", 1, 0, 0, emailKnown);
        return HandoffPolicy.decide(request, settings, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void insideHoursConnectsAsUsual() {
        HandoffSettings berlin = SettingsMother.officeHours("Europe/Berlin", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL);
        HandoffDecision decision = at("2026-11-18T15:30:00Z", berlin, true); // 16:30 in Berlin
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.outsideOfficeHours()).isFalse();
        assertThat(decision.visitorMessage()).isEqualTo(HandoffPolicy.CONNECTING);
    }

    @Test
    void theSameInstantIsOutsideHoursInAnotherTimeZone() {
        // 16:30 UTC on a Wednesday is 17:30 in Berlin (closed) but 08:30 in Los Angeles (not yet open).
        HandoffDecision berlin = at("2026-11-18T16:30:00Z",
                SettingsMother.officeHours("Europe/Berlin", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL), true);
        assertThat(berlin.accepted()).isTrue();
        assertThat(berlin.reason()).isEqualTo(DecisionReason.ACCEPTED_OUTSIDE_OFFICE_HOURS);
        assertThat(berlin.visitorMessage()).contains("back tomorrow at 09:00 (Europe/Berlin time)");
        assertThat(berlin.teamBackAt().toInstant()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));

        HandoffDecision losAngeles = at("2026-11-18T16:30:00Z",
                SettingsMother.officeHours("America/Los_Angeles", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL), true);
        assertThat(losAngeles.visitorMessage()).contains("back today at 09:00 (America/Los_Angeles time)");
        assertThat(losAngeles.teamBackAt().toInstant()).isEqualTo(Instant.parse("2026-11-18T17:00:00Z"));

        HandoffDecision utc = at("2026-11-18T16:30:00Z",
                SettingsMother.officeHours("UTC", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL), true);
        assertThat(utc.outsideOfficeHours()).isFalse();
    }

    @Test
    void fridayEveningPointsToMondayAndAsksForAnEmailWhenUnknown() {
        HandoffDecision decision = at("2026-11-20T20:00:00Z",
                SettingsMother.officeHours("Asia/Tokyo", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL), false);
        // 20:00 UTC Friday is 05:00 Saturday in Tokyo
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.visitorMessage())
            .contains("back on Monday, 23 November at 09:00 (Asia/Tokyo time)")
            .contains("leave your email address");
    }

    @Test
    void aHolidayIsClosedAndSkipped() {
        HandoffSettings withHoliday = SettingsMother.officeHours("Europe/London",
                OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL, LocalDate.parse("2026-12-25"));
        // Friday 25 December 2026, 11:00 in London: a weekday inside hours, but a holiday.
        HandoffDecision decision = at("2026-12-25T11:00:00Z", withHoliday, true);
        assertThat(decision.outsideOfficeHours()).isTrue();
        assertThat(decision.visitorMessage()).contains("back on Monday, 28 December at 09:00 (Europe/London time)")
            .doesNotContain("email");
    }

    @Test
    void aiContinuesDeclinesWithAnExplanation() {
        HandoffDecision decision = at("2026-11-18T22:00:00Z",
                SettingsMother.officeHours("UTC", OutsideHoursBehaviour.AI_CONTINUES), false);
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(DecisionReason.OUTSIDE_OFFICE_HOURS);
        assertThat(decision.visitorMessage())
            .isEqualTo("Our team is offline right now and will be back tomorrow at 09:00 (UTC time). "
                    + "Until then I'll keep helping you here.");
    }

    @Test
    void forbiddenTopicsOutsideHoursStillFollowTheOutsideHoursBehaviour() {
        HandoffRequest request = new HandoffRequest(FORBIDDEN_TOPIC, "ai", 1, 0, 0, true);
        HandoffDecision decision = HandoffPolicy.decide(request,
                SettingsMother.officeHours("UTC", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL),
                Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC)); // Saturday
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.visitorMessage()).contains("back on Monday, 23 November at 09:00");
    }

    @Test
    void theVisitorIsToldAboutTheHandoffInTheLanguageTheyWriteIn() {
        HandoffRequest german = new HandoffRequest(HUMAN_REQUEST, "ai", 1, 0, 0, true, "de");
        HandoffDecision accepted = HandoffPolicy.decide(german, SettingsMother.level(1), WEDNESDAY_MORNING_UTC);

        assertThat(accepted.visitorMessage()).isEqualTo("Ich verbinde Sie mit einem Teammitglied, einen Moment bitte.")
            .isEqualTo(VisitorTexts.of("de").text("connecting"));
        HandoffDecision declined = HandoffPolicy.decide(german, SettingsMother.switchedOff(), WEDNESDAY_MORNING_UTC);
        assertThat(declined.visitorMessage()).isEqualTo(VisitorTexts.of("de").text("unavailable"))
            .isNotEqualTo(HandoffPolicy.UNAVAILABLE);
    }

    @Test
    void outsideOfficeHoursTheReturnDayIsWrittenInTheVisitorsLanguage() {
        HandoffRequest spanish = new HandoffRequest(HUMAN_REQUEST, "ai", 1, 0, 0, false, "es");
        HandoffDecision decision = HandoffPolicy.decide(spanish,
                SettingsMother.officeHours("Asia/Tokyo", OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL),
                WEDNESDAY_MORNING_UTC);

        assertThat(decision.outsideOfficeHours()).isTrue();
        assertThat(decision.visitorMessage()).startsWith("Nuestro equipo").contains("Asia/Tokyo")
            .doesNotContain("will be back");
    }

    @Test
    void anUnknownLanguageGetsEnglish() {
        HandoffRequest klingon = new HandoffRequest(HUMAN_REQUEST, "ai", 1, 0, 0, true, "tlh");
        assertThat(HandoffPolicy.decide(klingon, SettingsMother.level(1), WEDNESDAY_MORNING_UTC).visitorMessage())
            .isEqualTo(HandoffPolicy.CONNECTING);
    }
}
