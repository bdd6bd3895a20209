package com.supportchat.handoff.settings;

import java.util.List;

/** The settings sent break one or more rules; {@link #errors()} names each field and what is wrong. */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> errors;

    public InvalidSettingsException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
