package com.supportchat.handoff.settings;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.supportchat.handoff.settings.HandoffSettingsDocument.DayDocument;
import com.supportchat.handoff.settings.HandoffSettingsDocument.OfficeHoursDocument;
import com.supportchat.handoff.settings.HandoffSettingsDocument.TriggersDocument;

/**
 * Turns a settings document into {@link HandoffSettings}, collecting every broken rule so the admin sees
 * them all at once. Omitted fields take {@link HandoffSettings#defaults()}.
 */
public final class HandoffSettingsValidator {

    static final int MAX_LIST_ITEMS = 50;
    static final int MAX_ITEM_LENGTH = 200;
    static final Duration MIN_RENOTIFY = Duration.ofMinutes(1);
    static final Duration MAX_DURATION = Duration.ofDays(7);
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private HandoffSettingsValidator() {
    }

    public static HandoffSettings validate(HandoffSettingsDocument doc) {
        if (doc == null) {
            throw new InvalidSettingsException(List.of("body: a settings document is required"));
        }
        HandoffSettings defaults = HandoffSettings.defaults();
        List<String> errors = new ArrayList<>();

        HandoffSettings.Mode mode = defaults.mode();
        if (doc.mode() != null) {
            switch (doc.mode()) {
                case "preset" -> mode = HandoffSettings.Mode.PRESET;
                case "advanced" -> mode = HandoffSettings.Mode.ADVANCED;
                default -> errors.add("mode: must be \"preset\" or \"advanced\"");
            }
        }
        int level = doc.level() == null ? defaults.level() : doc.level();
        if (level < HandoffSettings.AI_ONLY || level > HandoffSettings.AI_FIRST) {
            errors.add("level: must be 0 (AI only), 1 (Quick handoff), 2 (Balanced) or 3 (AI first)");
        }
        HandoffSettings.Triggers triggers = triggers(doc.triggers());
        List<String> forbiddenTopics = phrases("forbiddenTopics", doc.forbiddenTopics(), errors);
        List<String> customPhrases = phrases("customPhrases", doc.customPhrases(), errors);
        HandoffSettings.OfficeHours officeHours = officeHours(doc.officeHours(), defaults.officeHours(), errors);
        boolean ask = doc.dataCollection() == null || doc.dataCollection().askNameAndEmailWhenUnknown() == null
                ? defaults.askNameAndEmailWhenUnknown()
                : doc.dataCollection().askNameAndEmailWhenUnknown();
        Duration renotifyAfter = doc.renotifyAfter() == null ? defaults.renotifyAfter()
                : duration("renotifyAfter", doc.renotifyAfter(), errors);
        Duration handbackAfter = doc.handbackAfter() == null ? null
                : duration("handbackAfter", doc.handbackAfter(), errors);
        if (renotifyAfter != null && handbackAfter != null && handbackAfter.compareTo(renotifyAfter) < 0) {
            errors.add("handbackAfter: must not be shorter than renotifyAfter");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new HandoffSettings(doc.liveHandoffEnabled() == null ? defaults.liveHandoffEnabled()
                : doc.liveHandoffEnabled(), mode, level, triggers, forbiddenTopics, customPhrases, officeHours, ask,
                handbackAfter, renotifyAfter);
    }

    private static HandoffSettings.Triggers triggers(TriggersDocument t) {
        if (t == null) {
            return HandoffSettings.Triggers.ALL_ON;
        }
        return new HandoffSettings.Triggers(on(t.humanRequest()), on(t.frustration()), on(t.unproductive()),
                on(t.aiDecision()), on(t.forbiddenTopics()));
    }

    private static boolean on(Boolean value) {
        return value == null || value;
    }

    private static List<String> phrases(String field, List<String> values, List<String> errors) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST_ITEMS) {
            errors.add(field + ": at most " + MAX_LIST_ITEMS + " entries");
        }
        Set<String> seen = new HashSet<>();
        List<String> cleaned = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                errors.add(field + "[" + i + "]: must not be blank");
                continue;
            }
            String trimmed = value.strip();
            if (trimmed.length() > MAX_ITEM_LENGTH) {
                errors.add(field + "[" + i + "]: at most " + MAX_ITEM_LENGTH + " characters");
            }
            else if (!seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                errors.add(field + "[" + i + "]: \"" + trimmed + "\" is listed twice");
            }
            else {
                cleaned.add(trimmed);
            }
        }
        return cleaned;
    }

    private static HandoffSettings.OfficeHours officeHours(OfficeHoursDocument doc,
            HandoffSettings.OfficeHours defaults, List<String> errors) {
        if (doc == null) {
            return defaults;
        }
        ZoneId zone = defaults.timeZone();
        if (doc.timeZone() != null) {
            try {
                zone = ZoneId.of(doc.timeZone());
            }
            catch (DateTimeException ex) {
                errors.add("officeHours.timeZone: \"" + doc.timeZone() + "\" is not an IANA time zone such as Europe/Berlin");
            }
        }
        List<HandoffSettings.OpeningHours> weekly = doc.schedule() == null ? defaults.weekly()
                : schedule(doc.schedule(), errors);
        Set<LocalDate> holidays = new LinkedHashSet<>();
        if (doc.holidays() != null) {
            for (int i = 0; i < doc.holidays().size(); i++) {
                String value = doc.holidays().get(i);
                try {
                    if (!holidays.add(LocalDate.parse(String.valueOf(value)))) {
                        errors.add("officeHours.holidays[" + i + "]: " + value + " is listed twice");
                    }
                }
                catch (DateTimeParseException ex) {
                    errors.add("officeHours.holidays[" + i + "]: \"" + value + "\" is not a date like 2026-12-25");
                }
            }
        }
        HandoffSettings.OutsideHoursBehaviour behaviour = defaults.outsideHoursBehaviour();
        if (doc.outsideHoursBehaviour() != null) {
            switch (doc.outsideHoursBehaviour()) {
                case "escalate_and_collect_email" -> behaviour = HandoffSettings.OutsideHoursBehaviour.ESCALATE_AND_COLLECT_EMAIL;
                case "ai_continues" -> behaviour = HandoffSettings.OutsideHoursBehaviour.AI_CONTINUES;
                default -> errors.add("officeHours.outsideHoursBehaviour: must be \"escalate_and_collect_email\" or \"ai_continues\"");
            }
        }
        boolean enabled = Boolean.TRUE.equals(doc.enabled());
        if (enabled && weekly.isEmpty()) {
            errors.add("officeHours.schedule: at least one opening interval is needed when office hours are enabled");
        }
        return new HandoffSettings.OfficeHours(enabled, zone, weekly, holidays, behaviour);
    }

    private static List<HandoffSettings.OpeningHours> schedule(List<DayDocument> days, List<String> errors) {
        List<HandoffSettings.OpeningHours> weekly = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayDocument day = days.get(i);
            String at = "officeHours.schedule[" + i + "]";
            if (day == null) {
                errors.add(at + ": must not be null");
                continue;
            }
            DayOfWeek dayOfWeek = null;
            try {
                dayOfWeek = DayOfWeek.valueOf(String.valueOf(day.day()).toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                errors.add(at + ".day: \"" + day.day() + "\" is not a weekday such as MONDAY");
            }
            LocalTime open = time(at + ".open", day.open(), errors);
            LocalTime close = time(at + ".close", day.close(), errors);
            if (open != null && close != null && !open.isBefore(close)) {
                errors.add(at + ": open (" + day.open() + ") must be before close (" + day.close() + ")");
            }
            else if (dayOfWeek != null && open != null && close != null) {
                HandoffSettings.OpeningHours hours = new HandoffSettings.OpeningHours(dayOfWeek, open, close);
                for (HandoffSettings.OpeningHours other : weekly) {
                    if (other.day() == dayOfWeek && open.isBefore(other.close()) && other.open().isBefore(close)) {
                        errors.add(at + ": overlaps another interval on " + dayOfWeek);
                    }
                }
                weekly.add(hours);
            }
        }
        return weekly;
    }

    private static LocalTime time(String field, String value, List<String> errors) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            errors.add(field + ": \"" + value + "\" is not a time like 09:00");
            return null;
        }
        return LocalTime.parse(value);
    }

    private static Duration duration(String field, String value, List<String> errors) {
        Duration parsed;
        try {
            parsed = Duration.parse(value);
        }
        catch (DateTimeParseException ex) {
            errors.add(field + ": \"" + value + "\" is not an ISO-8601 duration such as PT5M");
            return null;
        }
        if (parsed.compareTo(MIN_RENOTIFY) < 0 || parsed.compareTo(MAX_DURATION) > 0) {
            errors.add(field + ": must be between PT1M and P7D");
            return null;
        }
        return parsed;
    }
}
