package com.supportchat.identity.apikey;

import com.supportchat.identity.secret.Secrets;

/**
 * The format of an API key secret: {@code sk_live_} and 32 random bytes (base64url). The first
 * {@link #PREFIX_LENGTH} characters are kept for display so an admin can tell keys apart.
 */
public final class ApiKeySecret {

    public static final String MARKER = "sk_live_";
    public static final int PREFIX_LENGTH = MARKER.length() + 6;

    private ApiKeySecret() {
    }

    public static String generate() {
        return Secrets.random(MARKER, 32);
    }

    public static String prefixOf(String secret) {
        return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
    }

    public static String hashOf(String secret) {
        return Secrets.sha256(secret);
    }
}
