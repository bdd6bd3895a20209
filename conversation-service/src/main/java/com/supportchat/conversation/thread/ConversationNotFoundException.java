package com.supportchat.conversation.thread;

import java.util.UUID;

/** No such conversation for this caller: another org's or another visitor's looks exactly the same. */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(UUID id) {
        super("No conversation " + id + ".");
    }
}
