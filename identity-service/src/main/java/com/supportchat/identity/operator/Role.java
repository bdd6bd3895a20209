package com.supportchat.identity.operator;

import java.util.Locale;

/** An operator's role; the wire and token form is lower case ({@code admin}, {@code agent}). */
public enum Role {
    ADMIN, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return Role.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
