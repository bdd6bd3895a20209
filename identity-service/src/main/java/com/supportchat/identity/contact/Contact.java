package com.supportchat.identity.contact;

import java.util.Map;
import java.util.UUID;

/** A verified identity; {@code trustedData} came from the customer's backend. */
public record Contact(UUID id, UUID orgId, String userId, String email, String name, Map<String, Object> trustedData) {

    public Contact {
        trustedData = trustedData == null ? Map.of() : trustedData;
    }
}
