package com.supportchat.notification.delivery;

public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED
}
