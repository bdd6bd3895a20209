package com.supportchat.events;

import java.time.Instant;

/**
 * An org's widget session rules as they now are (the whole state), published by conversation-service,
 * which owns them; identity-service hands them to the widget in the session response's {@code config}.
 */
public record WidgetSettingsChanged(
        String orgId,
        boolean allowMultipleOpen,
        boolean showConversationList,
        boolean firstTimeStraightToChat,
        boolean visitorCanClose,
        boolean helpfulPrompt,
        String operatorLabel,
        Instant changedAt) implements PublishedEvent {

    public static final String TYPE = "com.supportchat.conversation.widget-settings-changed.v1";

    @Override
    public String topic() {
        return Topics.WIDGET_SETTINGS_CHANGED;
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
