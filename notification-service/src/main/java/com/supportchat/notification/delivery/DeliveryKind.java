package com.supportchat.notification.delivery;

/** What a notification is about. */
public enum DeliveryKind {
    /** A handoff was accepted. */
    HANDOFF,
    /** An accepted handoff is still unanswered after the org's renotifyAfter. */
    RENOTIFY,
    /** The visitor wrote again in an escalated conversation. */
    ESCALATED_MESSAGE
}
