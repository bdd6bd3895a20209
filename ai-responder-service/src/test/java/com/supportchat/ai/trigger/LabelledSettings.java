package com.supportchat.ai.trigger;

import java.util.List;

/** The org settings the labelled set was written for. */
final class LabelledSettings {

    static final TriggerSettings ORG = new TriggerSettings(true, TriggerSettings.DEFAULTS.activeTriggers(),
            List.of("lawsuit", "medical advice", "politics", "cryptocurrency"),
            List.of("cancel my account", "data breach", "chargeback"));

    private LabelledSettings() {
    }
}
