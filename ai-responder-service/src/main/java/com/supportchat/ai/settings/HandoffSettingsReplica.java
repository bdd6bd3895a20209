package com.supportchat.ai.settings;

import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffSettingsChanged;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/** Keeps the org's triggers, forbidden topics and custom phrases as handoff-service publishes them. */
@Component
class HandoffSettingsReplica {

    private final HandoffSettingsStore store;

    HandoffSettingsReplica(HandoffSettingsStore store) {
        this.store = store;
    }

    @EventHandler(topic = Topics.HANDOFF_SETTINGS_CHANGED, consumer = "ai-responder.handoff-settings-changed")
    Mono<Void> handoffSettingsChanged(HandoffSettingsChanged changed) {
        return store.apply(changed);
    }
}
