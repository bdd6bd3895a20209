package com.supportchat.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An org's handoff settings as they now are (the whole state, so a consumer needs no other source).
 * {@code activeTriggers} is what trigger detection should look for, derived from the level or the
 * advanced toggles.
 */
public record HandoffSettingsChanged(
        String orgId,
        boolean liveHandoffEnabled,
        int level,
        boolean advancedMode,
        Set<HandoffTrigger> activeTriggers,
        List<String> forbiddenTopics,
        List<String> customPhrases,
        Instant changedAt) implements HandoffEvent {

    public static final String TYPE = "com.supportchat.handoff.settings-changed.v1";

    public HandoffSettingsChanged {
        activeTriggers = activeTriggers == null ? Set.of() : Set.copyOf(activeTriggers);
        forbiddenTopics = forbiddenTopics == null ? List.of() : List.copyOf(forbiddenTopics);
        customPhrases = customPhrases == null ? List.of() : List.copyOf(customPhrases);
    }

    @Override
    public String topic() {
        return Topics.HANDOFF_SETTINGS_CHANGED;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return orgId;
    }
}
