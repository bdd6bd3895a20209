package com.supportchat.conversation.thread;

/** A change the conversation refuses in its current state (answered 409 with {@code problem} as type). */
public class IllegalTransitionException extends RuntimeException {

    private final String problem;

    public IllegalTransitionException(String problem, String message) {
        super(message);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
