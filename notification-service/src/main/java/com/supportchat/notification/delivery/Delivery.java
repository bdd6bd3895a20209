package com.supportchat.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** One notification to one recipient over one channel, caused by one event. */
public record Delivery(
        UUID id,
        String orgId,
        String conversationId,
        String eventId,
        DeliveryKind kind,
        Channel channel,
        String recipient,
        String trigger,
        String summary,
        DeliveryStatus status,
        String reason,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant completedAt) {

    public static Delivery planned(String orgId, String conversationId, String eventId, DeliveryKind kind,
            Channel channel, String recipient, String trigger, String summary, Instant at) {
        return new Delivery(UUID.randomUUID(), orgId, conversationId, eventId, kind, channel, recipient, trigger, summary,
                DeliveryStatus.PENDING, null, 0, at, null, null);
    }

    /** This planned delivery, not to be sent: logged as SKIPPED with the reason. */
    Delivery skipped(String why) {
        return new Delivery(id, orgId, conversationId, eventId, kind, channel, recipient, trigger, summary,
                DeliveryStatus.SKIPPED, why, attempts, createdAt, lastAttemptAt, createdAt);
    }
}
