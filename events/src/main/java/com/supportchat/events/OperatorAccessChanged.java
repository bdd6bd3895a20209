package com.supportchat.events;

import java.time.Instant;

/**
 * An operator's access was cut: deactivated, or given another role. Every service that accepts console tokens
 * refuses the operator's tokens issued before {@code changedAt} from the moment it reads this (within seconds), and
 * conversation-service closes their open streams. Keyed by operator id.
 *
 * @param change {@code DEACTIVATED} or {@code ROLE_CHANGED}
 * @param role the operator's role after the change ({@code admin} or {@code agent})
 */
public record OperatorAccessChanged(
        String orgId,
        String operatorId,
        String change,
        String role,
        Instant changedAt) implements PublishedEvent {

    public static final String TYPE = "com.supportchat.identity.operator-access-changed.v1";

    public static final String DEACTIVATED = "DEACTIVATED";

    public static final String ROLE_CHANGED = "ROLE_CHANGED";

    @Override
    public String topic() {
        return Topics.OPERATOR_ACCESS_CHANGED;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return operatorId;
    }
}
