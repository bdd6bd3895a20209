package com.supportchat.identity.widget;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.Topics;
import com.supportchat.events.WidgetSettingsChanged;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class WidgetSettingsChangedListener {

    private final InboundEvents inbound;
    private final SessionRules rules;

    WidgetSettingsChangedListener(InboundEvents inbound, SessionRules rules) {
        this.inbound = inbound;
        this.rules = rules;
    }

    @KafkaListener(topics = Topics.WIDGET_SETTINGS_CHANGED, groupId = "identity-service")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.apply(record, "identity.widget-settings-changed",
                event -> rules.apply(event.data(WidgetSettingsChanged.class)));
    }
}
