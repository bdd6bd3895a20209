package com.supportchat.messaging;

/**
 * An event that can never be handled, however often it is retried (not a CloudEvent, undecodable data,
 * data that breaks an invariant). It goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
