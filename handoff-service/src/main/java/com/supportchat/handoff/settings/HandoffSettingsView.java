package com.supportchat.handoff.settings;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.supportchat.events.HandoffTrigger;
import com.supportchat.handoff.settings.HandoffSettingsDocument.DataCollectionDocument;
import com.supportchat.handoff.settings.HandoffSettingsDocument.OfficeHoursDocument;
import com.supportchat.handoff.settings.HandoffSettingsDocument.TriggersDocument;

/**
 * What {@code GET /api/v1/settings/handoff} answers: the settings document plus what is derived from it
 * ({@code activeTriggers}) and when it last changed ({@code updatedAt}, null while the defaults apply).
 */
public record HandoffSettingsView(
        boolean liveHandoffEnabled,
        String mode,
        int level,
        TriggersDocument triggers,
        List<String> forbiddenTopics,
        List<String> customPhrases,
        OfficeHoursDocument officeHours,
        DataCollectionDocument dataCollection,
        String handbackAfter,
        String renotifyAfter,
        Set<HandoffTrigger> activeTriggers,
        Instant updatedAt) {

    static HandoffSettingsView of(HandoffSettings settings, Instant updatedAt) {
        HandoffSettingsDocument d = HandoffSettingsDocument.of(settings);
        return new HandoffSettingsView(d.liveHandoffEnabled(), d.mode(), d.level(), d.triggers(), d.forbiddenTopics(),
                d.customPhrases(), d.officeHours(), d.dataCollection(), d.handbackAfter(), d.renotifyAfter(),
                settings.activeTriggers(), updatedAt);
    }
}
