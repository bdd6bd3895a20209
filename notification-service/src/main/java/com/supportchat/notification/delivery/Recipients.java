package com.supportchat.notification.delivery;

/** Masks recipients for events, logs and the delivery log: enough to recognise, not enough to harvest. */
public final class Recipients {

    private Recipients() {
    }

    public static String mask(Channel channel, String recipient) {
        if (recipient == null || recipient.isEmpty()) {
            return recipient;
        }
        if (channel == Channel.EMAIL) {
            int at = recipient.indexOf('@');
            return at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
        }
        int visible = Math.min(4, recipient.length());
        return "*".repeat(recipient.length() - visible) + recipient.substring(recipient.length() - visible);
    }
}
