package com.supportchat.notification.delivery;

public enum Channel {
    EMAIL, SMS;

    public String wire() {
        return name().toLowerCase();
    }
}
