package com.supportchat.conversation.thread;

/** Someone else changed the conversation between read and write; the caller may retry. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
