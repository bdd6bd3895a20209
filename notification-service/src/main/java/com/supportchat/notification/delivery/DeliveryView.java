package com.supportchat.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** One entry of the delivery log; the recipient is masked. */
public record DeliveryView(UUID id, String conversationId, String kind, String channel, String recipient,
        String trigger, String status, String reason, int attempts, Instant createdAt, Instant completedAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.conversationId(), d.kind().name().toLowerCase(), d.channel().wire(),
                Recipients.mask(d.channel(), d.recipient()), d.trigger(), d.status().name(), d.reason(), d.attempts(),
                d.createdAt(), d.completedAt());
    }
}
