package com.supportchat.conversation.thread;

import java.time.Instant;

import com.supportchat.events.IdentityType;

/** Conversations in the states tests need. */
public final class ConversationMother {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private ConversationMother() {
    }

    public static Owner anonymousOwner() {
        return new Owner("org-1", "visitor:v-1", IdentityType.ANONYMOUS, "v-1", null, null, null, null);
    }

    public static Conversation unresolved() {
        return Conversation.start(anonymousOwner(), NOW);
    }

    public static Conversation escalated() {
        return unresolved().escalate(com.supportchat.events.HandoffTrigger.HUMAN_REQUEST, "wants a person");
    }

    public static Conversation resolved() {
        return unresolved().resolve(NOW);
    }

    public static Conversation claimedBy(Actor operator) {
        return escalated().claim(operator);
    }

}
