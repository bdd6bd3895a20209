package com.supportchat.identity.apikey;

import java.util.Set;

/** The scopes an API key can hold. */
public final class Scopes {

    /** Lets the customer's backend turn its logged-in users into contacts (contact tokens). */
    public static final String WIDGET_AUTHENTICATE_USER = "widget:authenticate-user";

    public static final Set<String> ALL = Set.of(WIDGET_AUTHENTICATE_USER);

    private Scopes() {
    }
}
