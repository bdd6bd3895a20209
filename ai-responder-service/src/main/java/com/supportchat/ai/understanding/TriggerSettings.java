package com.supportchat.ai.trigger;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.supportchat.events.HandoffTrigger;

/**
 * What an org's handoff settings tell trigger detection: which triggers are active, the forbidden topics and
 * custom phrases, and whether live handoff is on at all.
 */
public record TriggerSettings(boolean liveHandoffEnabled, Set<HandoffTrigger> activeTriggers,
        List<String> forbiddenTopics, List<String> customPhrases) {

    /** Level 1, "Quick handoff": what an org has before handoff-service published anything. */
    public static final TriggerSettings DEFAULTS = new TriggerSettings(true,
            EnumSet.of(HandoffTrigger.HUMAN_REQUEST, HandoffTrigger.FRUSTRATION, HandoffTrigger.UNPRODUCTIVE,
                    HandoffTrigger.AI_DECISION, HandoffTrigger.FORBIDDEN_TOPIC, HandoffTrigger.CUSTOM_PHRASE),
            List.of(), List.of());

    public TriggerSettings {
        activeTriggers = activeTriggers == null || activeTriggers.isEmpty() ? Set.of()
                : Set.copyOf(activeTriggers);
        forbiddenTopics = forbiddenTopics == null ? List.of() : List.copyOf(forbiddenTopics);
        customPhrases = customPhrases == null ? List.of() : List.copyOf(customPhrases);
    }

    public boolean isActive(HandoffTrigger trigger) {
        return activeTriggers.contains(trigger);
    }

    /** A handoff for this trigger may be requested: live handoff on and the trigger active. */
    public boolean mayHandOff(HandoffTrigger trigger) {
        return liveHandoffEnabled && isActive(trigger);
    }
}
