package com.supportchat.ai.settings;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffSettingsChanged;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the org's triggers, forbidden topics and custom phrases as handoff-service publishes them. */
@Component
class HandoffSettingsChangedListener {

    private final InboundEvents inbound;
    private final HandoffSettingsStore store;

    HandoffSettingsChangedListener(InboundEvents inbound, HandoffSettingsStore store) {
        this.inbound = inbound;
        this.store = store;
    }

    @KafkaListener(topics = Topics.HANDOFF_SETTINGS_CHANGED, groupId = "ai-responder-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "ai-responder.handoff-settings-changed",
                event -> store.apply(event.data(HandoffSettingsChanged.class)));
    }
}
