package com.supportchat.identity.org;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The public token a customer's page embeds to start widget sessions for its org. Not a secret: the
 * allowed origins are what keep other sites from using it from a browser.
 */
public record WidgetToken(String token, UUID orgId, List<String> allowedOrigins) {

    public WidgetToken {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** No list means any origin; a browser that sends no Origin (server-side use) is not checked here. */
    public boolean allowsOrigin(String origin) {
        if (origin == null || allowedOrigins.isEmpty()) {
            return true;
        }
        String normalized = normalize(origin);
        return allowedOrigins.stream().map(WidgetToken::normalize).anyMatch(normalized::equals);
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
