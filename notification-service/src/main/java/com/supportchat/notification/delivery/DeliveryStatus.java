package com.supportchat.notification.delivery;

public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED,
    /** Never sent: the org's budget for the channel was spent (the reason says which); logged, not retried. */
    SKIPPED
}
