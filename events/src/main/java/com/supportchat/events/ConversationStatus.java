package com.supportchat.events;

public enum ConversationStatus {
    UNRESOLVED, ESCALATED, RESOLVED
}
