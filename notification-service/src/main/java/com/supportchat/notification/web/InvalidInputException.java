package com.supportchat.notification.web;

import java.util.List;

/** Input that breaks one or more rules; {@link #errors()} names each field and what is wrong. */
public class InvalidInputException extends RuntimeException {

    private final List<String> errors;

    public InvalidInputException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
