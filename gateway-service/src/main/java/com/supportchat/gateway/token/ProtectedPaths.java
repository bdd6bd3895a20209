package com.supportchat.gateway.token;

import java.util.Optional;

/**
 * Which paths need a bearer JWT, and for which audience. Everything else passes through untouched;
 * in particular {@code /widget/authenticate-user} carries an org API key, which is not a JWT and is
 * left for identity-service to check.
 */
public final class ProtectedPaths {

    public enum Audience {
        WIDGET, CONSOLE
    }

    /** Login, and refresh and logout, which carry the httpOnly refresh cookie instead of a bearer token. */
    private static final java.util.Set<String> SESSION = java.util.Set.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout");

    private ProtectedPaths() {
    }

    public static Optional<Audience> audienceFor(String path) {
        if (path.equals("/widget/v1/conversations") || path.startsWith("/widget/v1/conversations/")
                || path.equals("/widget/v1/settings")) {
            return Optional.of(Audience.WIDGET);
        }
        if (path.startsWith("/api/") && !SESSION.contains(path)) {
            return Optional.of(Audience.CONSOLE);
        }
        return Optional.empty();
    }

    public static boolean isProtected(String path) {
        return audienceFor(path).isPresent();
    }
}
