package com.supportchat.notification.delivery;

/** How sending one delivery ended; {@code reason} says why it failed, and never holds a secret. */
public record Outcome(DeliveryStatus status, String reason, int attempts) {

    static Outcome sent(int attempts) {
        return new Outcome(DeliveryStatus.SENT, null, attempts);
    }

    static Outcome failed(String reason, int attempts) {
        return new Outcome(DeliveryStatus.FAILED, reason.length() > 500 ? reason.substring(0, 500) : reason, attempts);
    }
}
