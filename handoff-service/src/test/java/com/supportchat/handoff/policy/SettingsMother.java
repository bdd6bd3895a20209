package com.supportchat.handoff.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.supportchat.handoff.settings.HandoffSettings;
import com.supportchat.handoff.settings.HandoffSettings.Mode;
import com.supportchat.handoff.settings.HandoffSettings.OfficeHours;
import com.supportchat.handoff.settings.HandoffSettings.OpeningHours;
import com.supportchat.handoff.settings.HandoffSettings.OutsideHoursBehaviour;
import com.supportchat.handoff.settings.HandoffSettings.Triggers;

/** Object mother for handoff settings. */
final class SettingsMother {

    private SettingsMother() {
    }

    static HandoffSettings level(int level) {
        HandoffSettings d = HandoffSettings.defaults();
        return new HandoffSettings(true, Mode.PRESET, level, d.triggers(), d.forbiddenTopics(), d.customPhrases(),
                d.officeHours(), d.askNameAndEmailWhenUnknown(), d.handbackAfter(), d.renotifyAfter());
    }

    static HandoffSettings switchedOff() {
        HandoffSettings d = HandoffSettings.defaults();
        return new HandoffSettings(false, d.mode(), d.level(), d.triggers(), d.forbiddenTopics(), d.customPhrases(),
                d.officeHours(), d.askNameAndEmailWhenUnknown(), d.handbackAfter(), d.renotifyAfter());
    }

    static HandoffSettings advanced(Triggers triggers) {
        HandoffSettings d = HandoffSettings.defaults();
        return new HandoffSettings(true, Mode.ADVANCED, d.level(), triggers, List.of("refunds"), List.of("billing manager"),
                d.officeHours(), d.askNameAndEmailWhenUnknown(), d.handbackAfter(), d.renotifyAfter());
    }

    static HandoffSettings withDataCollection(boolean ask) {
        HandoffSettings d = HandoffSettings.defaults();
        return new HandoffSettings(true, d.mode(), d.level(), d.triggers(), d.forbiddenTopics(), d.customPhrases(),
                d.officeHours(), ask, d.handbackAfter(), d.renotifyAfter());
    }

    /** Mon-Fri 09:00-17:00 in the zone, with the given holidays. */
    static HandoffSettings officeHours(String zone, OutsideHoursBehaviour behaviour, LocalDate... holidays) {
        HandoffSettings d = HandoffSettings.defaults();
        List<OpeningHours> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream()
            .map(day -> new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
            .toList();
        OfficeHours hours = new OfficeHours(true, ZoneId.of(zone), weekdays, Set.of(holidays), behaviour);
        return new HandoffSettings(true, d.mode(), d.level(), d.triggers(), d.forbiddenTopics(), d.customPhrases(),
                hours, d.askNameAndEmailWhenUnknown(), d.handbackAfter(), d.renotifyAfter());
    }
}
