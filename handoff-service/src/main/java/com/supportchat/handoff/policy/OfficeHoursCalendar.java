package com.supportchat.handoff.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import com.supportchat.handoff.settings.HandoffSettings.OfficeHours;
import com.supportchat.handoff.settings.HandoffSettings.OpeningHours;

/** Office hours read in the org's own time zone: is the team in now, and when is it next in. */
public final class OfficeHoursCalendar {

    /** How far ahead to look for the next opening (a year covers any holiday list). */
    private static final int LOOK_AHEAD_DAYS = 366;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final OfficeHours hours;

    public OfficeHoursCalendar(OfficeHours hours) {
        this.hours = hours;
    }

    /** Open when office hours are off, or now falls in an interval of a day that is not a holiday. */
    public boolean isOpen(Instant now) {
        if (!hours.enabled()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, hours.timeZone());
        if (hours.holidays().contains(local.toLocalDate())) {
            return false;
        }
        return hours.weekly().stream()
            .anyMatch(h -> h.day() == local.getDayOfWeek() && !local.toLocalTime().isBefore(h.open())
                    && local.toLocalTime().isBefore(h.close()));
    }

    /** The next start of an interval after {@code now}, skipping holidays, in the org's zone. */
    public Optional<ZonedDateTime> nextOpening(Instant now) {
        ZonedDateTime local = now.atZone(hours.timeZone());
        LocalDate today = local.toLocalDate();
        for (int offset = 0; offset <= LOOK_AHEAD_DAYS; offset++) {
            LocalDate date = today.plusDays(offset);
            if (hours.holidays().contains(date)) {
                continue;
            }
            Optional<ZonedDateTime> opening = hours.weekly().stream()
                .filter(h -> h.day() == date.getDayOfWeek())
                .map(OpeningHours::open)
                .sorted()
                .map(open -> date.atTime(open).atZone(hours.timeZone()))
                .filter(start -> start.isAfter(local))
                .min(Comparator.naturalOrder());
            if (opening.isPresent()) {
                return opening;
            }
        }
        return Optional.empty();
    }

    /** "today at 09:00", "tomorrow at 09:00" or "on Monday, 24 November at 09:00", plus the zone. */
    public String describe(ZonedDateTime opening, Instant now) {
        return describe(opening, now, VisitorTexts.ENGLISH);
    }

    /** A weekday and date as each language writes them: "Monday, 24 November", "Montag, 24. November". */
    private static DateTimeFormatter day(Locale locale) {
        String pattern = switch (locale.getLanguage()) {
            case "de" -> "EEEE, d. MMMM";
            case "es", "pt" -> "EEEE, d 'de' MMMM";
            case "fr", "it", "nl" -> "EEEE d MMMM";
            default -> "EEEE, d MMMM";
        };
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    /** "will be back tomorrow at 09:00 (Europe/Berlin time)", in the visitor's language. */
    public String describe(ZonedDateTime opening, Instant now, VisitorTexts texts) {
        LocalDate today = now.atZone(hours.timeZone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, opening.toLocalDate());
        String time = TIME.format(opening);
        String zone = hours.timeZone().getId();
        return days == 0 ? texts.text("back-today", time, zone)
                : days == 1 ? texts.text("back-tomorrow", time, zone)
                        : texts.text("back-on", time, zone, day(texts.locale()).format(opening));
    }
}
