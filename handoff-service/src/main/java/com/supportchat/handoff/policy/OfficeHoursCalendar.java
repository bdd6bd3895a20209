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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM", Locale.ENGLISH);

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
        LocalDate today = now.atZone(hours.timeZone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, opening.toLocalDate());
        String day = days == 0 ? "today" : days == 1 ? "tomorrow" : "on " + DAY.format(opening);
        return day + " at " + TIME.format(opening) + " (" + hours.timeZone().getId() + " time)";
    }
}
