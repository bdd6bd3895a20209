package com.supportchat.identity.visitor;

import java.util.Map;
import java.util.UUID;

/**
 * A browser using the widget. {@code name}, {@code email} and {@code untrustedData} are whatever the
 * browser sent: shown, never trusted; {@code contactId} is the contact it last proved to be, if any.
 */
public record Visitor(UUID id, UUID orgId, UUID contactId, String name, String email,
        Map<String, Object> untrustedData, Map<String, String> metadata) {

    public Visitor {
        untrustedData = untrustedData == null ? Map.of() : untrustedData;
        metadata = metadata == null ? Map.of() : metadata;
    }
}
