package com.supportchat.handoff.settings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.supportchat.events.HandoffTrigger;

/**
 * One org's handoff settings, validated. Exactly one of the preset {@code level} or the advanced
 * {@code triggers} is in force, chosen by {@code mode}; both are kept so switching back loses nothing.
 *
 * @param handbackAfter how long a waiting handoff may go without a human before it is due to go back to
 *                      the AI; null means never
 * @param renotifyAfter how long a waiting handoff may go without a human before it counts as overdue
 */
public record HandoffSettings(
        boolean liveHandoffEnabled,
        Mode mode,
        int level,
        Triggers triggers,
        List<String> forbiddenTopics,
        List<String> customPhrases,
        OfficeHours officeHours,
        boolean askNameAndEmailWhenUnknown,
        Duration handbackAfter,
        Duration renotifyAfter) {

    public static final int AI_ONLY = 0;
    public static final int QUICK = 1;
    public static final int BALANCED = 2;
    public static final int AI_FIRST = 3;

    public HandoffSettings {
        forbiddenTopics = List.copyOf(forbiddenTopics);
        customPhrases = List.copyOf(customPhrases);
    }

    /** What an org without a settings row gets: handoff on, Quick handoff, no office hours. */
    public static HandoffSettings defaults() {
        return new HandoffSettings(true, Mode.PRESET, QUICK, Triggers.ALL_ON, List.of(), List.of(),
                OfficeHours.defaults(), true, null, Duration.ofMinutes(5));
    }

    /**
     * The triggers detection should raise: none when handoff is off; the level's set in preset mode
     * (level 0 keeps only forbidden topics); the toggles in advanced mode. Custom phrases count as a
     * direct request, so they follow the human-request rule.
     */
    public Set<HandoffTrigger> activeTriggers() {
        Set<HandoffTrigger> active = EnumSet.noneOf(HandoffTrigger.class);
        if (!liveHandoffEnabled) {
            return active;
        }
        boolean directRequests;
        boolean forbidden;
        if (mode == Mode.PRESET) {
            directRequests = level >= QUICK;
            if (level >= QUICK) {
                active.addAll(EnumSet.of(HandoffTrigger.FRUSTRATION, HandoffTrigger.UNPRODUCTIVE,
                        HandoffTrigger.AI_DECISION));
            }
            forbidden = true;
        }
        else {
            directRequests = triggers.humanRequest();
            if (triggers.frustration()) {
                active.add(HandoffTrigger.FRUSTRATION);
            }
            if (triggers.unproductive()) {
                active.add(HandoffTrigger.UNPRODUCTIVE);
            }
            if (triggers.aiDecision()) {
                active.add(HandoffTrigger.AI_DECISION);
            }
            forbidden = triggers.forbiddenTopics();
        }
        if (directRequests) {
            active.add(HandoffTrigger.HUMAN_REQUEST);
            if (!customPhrases.isEmpty()) {
                active.add(HandoffTrigger.CUSTOM_PHRASE);
            }
        }
        if (forbidden && !forbiddenTopics.isEmpty()) {
            active.add(HandoffTrigger.FORBIDDEN_TOPIC);
        }
        return active;
    }

    public enum Mode {
        PRESET, ADVANCED;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** The advanced-mode switches, one per trigger family. */
    public record Triggers(boolean humanRequest, boolean frustration, boolean unproductive, boolean aiDecision,
            boolean forbiddenTopics) {

        public static final Triggers ALL_ON = new Triggers(true, true, true, true, true);
    }

    public enum OutsideHoursBehaviour {
        /** Hand off anyway, tell the visitor when the team is back and ask for an email to reply to. */
        ESCALATE_AND_COLLECT_EMAIL,
        /** Decline; the AI keeps helping until the team is back. */
        AI_CONTINUES;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** One opening interval of a weekday, in the org's time zone; {@code open} is before {@code close}. */
    public record OpeningHours(DayOfWeek day, LocalTime open, LocalTime close) {
    }

    public record OfficeHours(boolean enabled, ZoneId timeZone, List<OpeningHours> weekly, Set<LocalDate> holidays,
            OutsideHoursBehaviour outsideHoursBehaviour) {

        public OfficeHours {
            weekly = List.copyOf(weekly);
            holidays = Set.copyOf(holidays);
        }

        static OfficeHours defaults() {
            List<OpeningHours> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream()
                .map(day -> new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .toList();
            return new OfficeHours(false, ZoneOffset.UTC, weekdays, Set.of(),
                    OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL);
        }
    }
}
