package com.supportchat.identity.signing;

/** The {@code aud} of each token kind; other services check these exact strings. */
public final class Audiences {

    public static final String WIDGET = "supportchat-widget";
    public static final String CONSOLE = "supportchat-console";
    public static final String CONTACT = "supportchat-contact";

    private Audiences() {
    }
}
