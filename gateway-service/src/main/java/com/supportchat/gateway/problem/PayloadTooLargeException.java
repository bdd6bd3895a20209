package com.supportchat.gateway.problem;

/** A request body grew past the limit for its path while it was being streamed upstream. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body exceeds the limit of " + limitBytes + " bytes for this path.");
    }
}
