package com.supportchat.conversation.thread;

import com.supportchat.events.AuthorType;

/** Who does something to a conversation. */
public record Actor(AuthorType type, String id, String displayName) {

    public static final Actor AI = new Actor(AuthorType.AI, null, "AI Assistant");
    public static final Actor SYSTEM = new Actor(AuthorType.SYSTEM, null, "System");

    public static Actor operator(String id, String name) {
        return new Actor(AuthorType.OPERATOR, id, name);
    }

    public static Actor visitor(String id, String name) {
        return new Actor(AuthorType.VISITOR, id, name);
    }
}
