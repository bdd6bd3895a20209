package com.supportchat.conversation.thread;

/** What a thread entry is; each maps to one Server-Sent Events event name. */
public enum EntryKind {
    /** A text message from the visitor, the AI, an operator or the system. SSE event {@code message}. */
    MESSAGE("message"),
    /** The conversation changed status. SSE event {@code status}. */
    STATUS("status"),
    /** The conversation was handed to a human, with summary and trigger. SSE event {@code handoff}. */
    HANDOFF("handoff"),
    /** An operator claimed or released the conversation. SSE event {@code assignment}. */
    ASSIGNMENT("assignment");

    private final String eventName;

    EntryKind(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}
