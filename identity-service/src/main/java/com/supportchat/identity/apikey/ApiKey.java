package com.supportchat.identity.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as stored: never the secret, only what identifies it to a human. */
public record ApiKey(UUID id, UUID orgId, String name, String prefix, List<String> scopes, Instant createdAt,
        Instant revokedAt) {

    public ApiKey {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean grants(String scope) {
        return scopes.contains(scope);
    }
}
