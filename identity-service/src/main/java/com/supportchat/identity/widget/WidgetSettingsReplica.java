package com.supportchat.identity.widget;

import reactor.core.publisher.Mono;

import com.supportchat.events.Topics;
import com.supportchat.events.WidgetSettingsChanged;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/** Keeps the widget session rules conversation-service publishes, so tokens are issued by the org's current rules. */
@Component
class WidgetSettingsReplica {

    private final SessionRules rules;

    WidgetSettingsReplica(SessionRules rules) {
        this.rules = rules;
    }

    @EventHandler(topic = Topics.WIDGET_SETTINGS_CHANGED, consumer = "identity.widget-settings-changed")
    Mono<Void> widgetSettingsChanged(WidgetSettingsChanged changed) {
        return rules.apply(changed);
    }
}
