package com.supportchat.handoff.settings;

import java.util.List;

/**
 * The JSON shape of handoff settings, as PUT by the console and stored. Values are kept as the admin typed
 * them (strings for zones, times, dates and ISO-8601 durations) and turned into {@link HandoffSettings} by
 * {@link HandoffSettingsValidator}; an omitted field takes its default.
 */
public record HandoffSettingsDocument(
        Boolean liveHandoffEnabled,
        String mode,
        Integer level,
        TriggersDocument triggers,
        List<String> forbiddenTopics,
        List<String> customPhrases,
        OfficeHoursDocument officeHours,
        DataCollectionDocument dataCollection,
        String handbackAfter,
        String renotifyAfter) {

    public record TriggersDocument(Boolean humanRequest, Boolean frustration, Boolean unproductive,
            Boolean aiDecision, Boolean forbiddenTopics) {
    }

    public record OfficeHoursDocument(Boolean enabled, String timeZone, List<DayDocument> schedule,
            List<String> holidays, String outsideHoursBehaviour) {
    }

    public record DayDocument(String day, String open, String close) {
    }

    public record DataCollectionDocument(Boolean askNameAndEmailWhenUnknown) {
    }

    /** The document that describes {@code settings} exactly (what is stored and returned). */
    public static HandoffSettingsDocument of(HandoffSettings settings) {
        HandoffSettings.Triggers t = settings.triggers();
        HandoffSettings.OfficeHours oh = settings.officeHours();
        return new HandoffSettingsDocument(settings.liveHandoffEnabled(), settings.mode().wire(), settings.level(),
                new TriggersDocument(t.humanRequest(), t.frustration(), t.unproductive(), t.aiDecision(),
                        t.forbiddenTopics()),
                settings.forbiddenTopics(), settings.customPhrases(),
                new OfficeHoursDocument(oh.enabled(), oh.timeZone().getId(),
                        oh.weekly().stream()
                            .map(h -> new DayDocument(h.day().name(), h.open().toString(), h.close().toString()))
                            .toList(),
                        oh.holidays().stream().sorted().map(Object::toString).toList(),
                        oh.outsideHoursBehaviour().wire()),
                new DataCollectionDocument(settings.askNameAndEmailWhenUnknown()),
                settings.handbackAfter() == null ? null : settings.handbackAfter().toString(),
                settings.renotifyAfter().toString());
    }
}
