package com.supportchat.identity.operator;

import java.time.Instant;
import java.util.UUID;

/** An operator as stored, without the password hash. */
public record Operator(UUID id, UUID orgId, String email, String name, Role role, boolean active, Instant createdAt) {
}
