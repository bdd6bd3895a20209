package com.supportchat.notification.delivery;

/** A channel call that failed; {@code transient} ones are worth retrying, the others never succeed as sent. */
class ChannelFailure extends RuntimeException {

    private final boolean transientFailure;

    ChannelFailure(String message, boolean transientFailure, Throwable cause) {
        super(message, cause, false, false);
        this.transientFailure = transientFailure;
    }

    boolean isTransient() {
        return transientFailure;
    }
}
