package com.supportchat.identity.operator;

import java.time.Instant;

/** An operator on the wire: {@code role} is {@code admin} or {@code agent}. */
record OperatorView(String id, String email, String name, String role, String orgId, boolean active,
        Instant createdAt) {

    static OperatorView of(Operator operator) {
        return new OperatorView(operator.id().toString(), operator.email(), operator.name(), operator.role().wire(),
                operator.orgId().toString(), operator.active(), operator.createdAt());
    }
}
