package com.supportchat.handoff.settings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.supportchat.handoff.settings.HandoffSettingsDocument.DayDocument;
import com.supportchat.handoff.settings.HandoffSettingsDocument.OfficeHoursDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HandoffSettingsValidatorTest {

    @Test
    void anEmptyDocumentGivesTheDefaults() {
        HandoffSettingsDocument empty = new HandoffSettingsDocument(null, null, null, null, null, null, null, null, null, null);
        assertThat(HandoffSettingsValidator.validate(empty)).isEqualTo(HandoffSettings.defaults());
    }

    @Test
    void theStoredDocumentOfSettingsReadsBackToTheSameSettings() {
        HandoffSettingsDocument doc = new HandoffSettingsDocument(true, "advanced", 3, null, List.of(" refunds "),
                List.of("manager please"), new OfficeHoursDocument(true, "Europe/Berlin",
                        List.of(new DayDocument("monday", "08:30", "12:00"), new DayDocument("MONDAY", "13:00", "18:00")),
                        List.of("2026-12-24"), "ai_continues"), null, "PT30M", "PT2M");
        HandoffSettings settings = HandoffSettingsValidator.validate(doc);
        assertThat(settings.forbiddenTopics()).containsExactly("refunds");
        assertThat(settings.officeHours().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.handbackAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(HandoffSettingsValidator.validate(HandoffSettingsDocument.of(settings))).isEqualTo(settings);
    }

    @Test
    void reportsEveryBrokenRule() {
        HandoffSettingsDocument doc = new HandoffSettingsDocument(true, "both", 4, null, List.of("x", "X", " "),
                null, new OfficeHoursDocument(true, "Mars/Olympus", List.of(new DayDocument("funday", "9am", "17:00"),
                        new DayDocument("TUESDAY", "17:00", "09:00")), List.of("25/12"), "panic"),
                null, "PT10S", "soon");
        InvalidSettingsException ex = catchThrowableOfType(InvalidSettingsException.class,
                () -> HandoffSettingsValidator.validate(doc));
        assertThat(ex.errors()).anyMatch(e -> e.startsWith("mode:"))
            .anyMatch(e -> e.startsWith("level:"))
            .anyMatch(e -> e.startsWith("forbiddenTopics[1]:") && e.contains("twice"))
            .anyMatch(e -> e.startsWith("forbiddenTopics[2]:"))
            .anyMatch(e -> e.startsWith("officeHours.timeZone:"))
            .anyMatch(e -> e.startsWith("officeHours.schedule[0].day:"))
            .anyMatch(e -> e.startsWith("officeHours.schedule[0].open:"))
            .anyMatch(e -> e.startsWith("officeHours.schedule[1]:") && e.contains("before close"))
            .anyMatch(e -> e.startsWith("officeHours.holidays[0]:"))
            .anyMatch(e -> e.startsWith("officeHours.outsideHoursBehaviour:"))
            .anyMatch(e -> e.startsWith("handbackAfter:"))
            .anyMatch(e -> e.startsWith("renotifyAfter:"));
    }

    @Test
    void officeHoursNeedAScheduleWhenEnabled() {
        HandoffSettingsDocument doc = new HandoffSettingsDocument(null, null, null, null, null, null,
                new OfficeHoursDocument(true, "UTC", List.of(), null, null), null, null, null);
        assertThatThrownBy(() -> HandoffSettingsValidator.validate(doc)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("officeHours.schedule");
    }
}
