package com.supportchat.events;

import java.time.Instant;

/** The outcome of one email or SMS to an operator. {@code recipient} is masked. */
public record NotificationDelivered(
        String notificationId,
        String orgId,
        String conversationId,
        String channel,
        String recipient,
        String status,
        String reason,
        Instant occurredAt) implements PublishedEvent {

    public static final String TYPE = "com.supportchat.notification.delivered.v1";

    @Override
    public String topic() {
        return Topics.NOTIFICATION_DELIVERED;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return conversationId;
    }
}
