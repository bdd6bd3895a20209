package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.supportchat.events.HandoffTrigger;

/**
 * What an org's settings tell the reading of its visitors' messages: which handoff triggers are active, the
 * forbidden topics and custom phrases (handoff settings), the lines of the custom handoff instructions (AI
 * settings), and whether live handoff is on at all.
 */
public record TriggerSettings(boolean liveHandoffEnabled, Set<HandoffTrigger> activeTriggers,
        List<String> forbiddenTopics, List<String> customPhrases, List<String> customInstructions) {

    /** Level 1, "Quick handoff": what an org has before handoff-service published anything. */
    public static final TriggerSettings DEFAULTS = new TriggerSettings(true,
            EnumSet.of(HandoffTrigger.HUMAN_REQUEST, HandoffTrigger.FRUSTRATION, HandoffTrigger.UNPRODUCTIVE,
                    HandoffTrigger.AI_DECISION, HandoffTrigger.FORBIDDEN_TOPIC, HandoffTrigger.CUSTOM_PHRASE),
            List.of(), List.of(), List.of());

    public TriggerSettings {
        activeTriggers = activeTriggers == null || activeTriggers.isEmpty() ? Set.of()
                : Set.copyOf(activeTriggers);
        forbiddenTopics = forbiddenTopics == null ? List.of() : List.copyOf(forbiddenTopics);
        customPhrases = customPhrases == null ? List.of() : List.copyOf(customPhrases);
        customInstructions = customInstructions == null ? List.of() : List.copyOf(customInstructions);
    }

    public TriggerSettings(boolean liveHandoffEnabled, Set<HandoffTrigger> activeTriggers, List<String> forbiddenTopics,
            List<String> customPhrases) {
        this(liveHandoffEnabled, activeTriggers, forbiddenTopics, customPhrases, List.of());
    }

    /**
     * These settings with the org's custom handoff instructions (AI settings): each non-empty line becomes a phrase
     * the visitor's messages are matched with, the way the model would read it as an instruction.
     */
    public TriggerSettings withInstructions(String customHandoffInstructions) {
        List<String> lines = new ArrayList<>();
        if (customHandoffInstructions != null) {
            for (String line : customHandoffInstructions.split("\\R")) {
                String stripped = line.replaceFirst("^\\s*(?:[-*•]|\\d+[.)])\\s*", "").strip();
                if (!stripped.isEmpty()) {
                    lines.add(stripped);
                }
            }
        }
        return new TriggerSettings(liveHandoffEnabled, activeTriggers, forbiddenTopics, customPhrases, lines);
    }

    public boolean isActive(HandoffTrigger trigger) {
        return activeTriggers.contains(trigger);
    }

    /** A handoff for this trigger may be requested: live handoff on and the trigger active. */
    public boolean mayHandOff(HandoffTrigger trigger) {
        return liveHandoffEnabled && isActive(trigger);
    }
}
