package com.supportchat.handoff.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.supportchat.events.HandoffTrigger;
import com.supportchat.handoff.settings.HandoffSettings;
import com.supportchat.handoff.settings.HandoffSettings.Mode;
import com.supportchat.handoff.settings.HandoffSettings.OutsideHoursBehaviour;

/**
 * Decides whether a handoff request goes to a human. Pure: everything it needs comes in as arguments.
 * The rules, in the order they apply (documented in {@code docs/handoff.md}):
 * <ol>
 * <li>An operator's own escalation ({@code OPERATOR}) is always accepted: a human already decided.</li>
 * <li>Live handoff switched off: declined, politely.</li>
 * <li>{@code FORBIDDEN_TOPIC}: always eligible while handoff is on, whatever the level or mode.</li>
 * <li>Preset mode: level 0 declines everything else; level 1 accepts every trigger; level 2 accepts direct
 * requests (human request, custom phrase) at once, frustration after {@value #BALANCED_MIN_AI_REPLIES_FOR_FRUSTRATION}
 * AI reply and AI decision / unproductive after {@value #BALANCED_MIN_AI_REPLIES} AI replies; level 3 needs a
 * problem statement ({@value #AI_FIRST_MIN_VISITOR_MESSAGES} visitor messages) and at least
 * {@value #AI_FIRST_MIN_AI_REPLIES_FOR_DIRECT} AI reply for a direct request, and
 * {@value #AI_FIRST_MIN_AI_REPLIES} AI replies for the other triggers. At levels 2 and 3 a conversation whose
 * requests were already declined {@value #MAX_DECLINES} times is accepted: nobody is kept from a human forever.</li>
 * <li>Advanced mode: a trigger whose toggle is off is declined; one that is on is eligible at once.</li>
 * <li>An eligible request outside office hours is accepted with the time the team is back (and a request for
 * an email when unknown) under {@code escalate_and_collect_email}, or declined under {@code ai_continues}.</li>
 * <li>Otherwise accepted; when data collection is on and the visitor's email is unknown, the message asks
 * for name and email.</li>
 * </ol>
 */
public final class HandoffPolicy {

    /** The English texts (tests compare with them; the visitor gets them in their language, see {@link VisitorTexts}). */
    public static final String CONNECTING = VisitorTexts.ENGLISH.text("connecting");
    static final String ASK_NAME_AND_EMAIL = VisitorTexts.ENGLISH.text("ask-name-and-email");
    static final String UNAVAILABLE = VisitorTexts.ENGLISH.text("unavailable");
    static final String TRY_FIRST = VisitorTexts.ENGLISH.text("try-first");
    static final String DESCRIBE_PROBLEM = VisitorTexts.ENGLISH.text("describe-problem");

    static final int BALANCED_MIN_AI_REPLIES_FOR_FRUSTRATION = 1;
    static final int BALANCED_MIN_AI_REPLIES = 2;
    static final int AI_FIRST_MIN_VISITOR_MESSAGES = 2;
    static final int AI_FIRST_MIN_AI_REPLIES_FOR_DIRECT = 1;
    static final int AI_FIRST_MIN_AI_REPLIES = 3;
    static final int MAX_DECLINES = 2;

    private HandoffPolicy() {
    }

    public static HandoffDecision decide(HandoffRequest request, HandoffSettings settings, Clock clock) {
        HandoffTrigger trigger = request.trigger();
        if (trigger == HandoffTrigger.OPERATOR) {
            return HandoffDecision.accept(DecisionReason.OPERATOR_ESCALATION, texts(request).text("connecting"));
        }
        if (!settings.liveHandoffEnabled()) {
            return HandoffDecision.decline(DecisionReason.LIVE_HANDOFF_DISABLED, texts(request).text("unavailable"));
        }
        DecisionReason eligible;
        if (trigger == HandoffTrigger.FORBIDDEN_TOPIC) {
            eligible = DecisionReason.FORBIDDEN_TOPIC;
        }
        else {
            Optional<HandoffDecision> declined = settings.mode() == Mode.PRESET
                    ? presetLevel(request, settings.level())
                    : advancedToggles(request, settings.triggers());
            if (declined.isPresent()) {
                return declined.get();
            }
            eligible = DecisionReason.ACCEPTED;
        }
        return withinOfficeHours(eligible, request, settings, clock.instant());
    }

    private static boolean isDirect(HandoffTrigger trigger) {
        return trigger == HandoffTrigger.HUMAN_REQUEST || trigger == HandoffTrigger.CUSTOM_PHRASE;
    }

    /** Empty when the level lets the request through, else the decline. */
    private static Optional<HandoffDecision> presetLevel(HandoffRequest request, int level) {
        boolean direct = isDirect(request.trigger());
        boolean insisted = request.priorDeclines() >= MAX_DECLINES;
        switch (level) {
            case HandoffSettings.AI_ONLY:
                return Optional.of(HandoffDecision.decline(DecisionReason.AI_ONLY_LEVEL, texts(request).text("unavailable")));
            case HandoffSettings.QUICK:
                return Optional.empty();
            case HandoffSettings.BALANCED:
                if (direct || insisted) {
                    return Optional.empty();
                }
                int needed = request.trigger() == HandoffTrigger.FRUSTRATION ? BALANCED_MIN_AI_REPLIES_FOR_FRUSTRATION
                        : BALANCED_MIN_AI_REPLIES;
                return request.aiReplies() >= needed ? Optional.empty()
                        : Optional.of(HandoffDecision.decline(DecisionReason.AI_SHOULD_TRY_FIRST, texts(request).text("try-first")));
            default:
                if (insisted) {
                    return Optional.empty();
                }
                boolean problemStated = request.visitorMessages() >= AI_FIRST_MIN_VISITOR_MESSAGES;
                if (direct) {
                    return problemStated && request.aiReplies() >= AI_FIRST_MIN_AI_REPLIES_FOR_DIRECT ? Optional.empty()
                            : Optional.of(HandoffDecision.decline(DecisionReason.PROBLEM_STATEMENT_NEEDED,
                                    texts(request).text("describe-problem")));
                }
                if (!problemStated) {
                    return Optional.of(HandoffDecision.decline(DecisionReason.PROBLEM_STATEMENT_NEEDED, texts(request).text("describe-problem")));
                }
                return request.aiReplies() >= AI_FIRST_MIN_AI_REPLIES ? Optional.empty()
                        : Optional.of(HandoffDecision.decline(DecisionReason.AI_SHOULD_TRY_FIRST, texts(request).text("try-first")));
        }
    }

    private static Optional<HandoffDecision> advancedToggles(HandoffRequest request, HandoffSettings.Triggers toggles) {
        boolean on = switch (request.trigger()) {
            case HUMAN_REQUEST, CUSTOM_PHRASE -> toggles.humanRequest();
            case FRUSTRATION -> toggles.frustration();
            case UNPRODUCTIVE -> toggles.unproductive();
            case AI_DECISION -> toggles.aiDecision();
            case FORBIDDEN_TOPIC, OPERATOR -> true;
        };
        if (on) {
            return Optional.empty();
        }
        // Only a visitor who asked in words is owed an explanation; for the AI's own triggers it just carries on.
        String message = isDirect(request.trigger()) ? texts(request).text("unavailable") : null;
        return Optional.of(HandoffDecision.decline(DecisionReason.TRIGGER_DISABLED, message));
    }

    private static HandoffDecision withinOfficeHours(DecisionReason eligible, HandoffRequest request,
            HandoffSettings settings, Instant now) {
        OfficeHoursCalendar calendar = new OfficeHoursCalendar(settings.officeHours());
        if (calendar.isOpen(now)) {
            String message = texts(request).text("connecting");
            if (settings.askNameAndEmailWhenUnknown() && !request.visitorEmailKnown()) {
                message += texts(request).text("ask-name-and-email");
            }
            return HandoffDecision.accept(eligible, message);
        }
        Optional<ZonedDateTime> back = calendar.nextOpening(now);
        VisitorTexts texts = texts(request);
        String when = back.map(at -> calendar.describe(at, now, texts)).orElse(texts.text("reply-asap"));
        if (settings.officeHours().outsideHoursBehaviour() == OutsideHoursBehaviour.AI_CONTINUES) {
            return new HandoffDecision(false, DecisionReason.OUTSIDE_OFFICE_HOURS,
                    texts.text("offline-ai-continues", when),
                    back.orElse(null));
        }
        String message = texts.text("offline-passed-on", when);
        if (!request.visitorEmailKnown()) {
            message += texts.text("leave-email");
        }
        return new HandoffDecision(true, DecisionReason.ACCEPTED_OUTSIDE_OFFICE_HOURS, message, back.orElse(null));
    }

    private static VisitorTexts texts(HandoffRequest request) {
        return VisitorTexts.of(request.language());
    }
}
