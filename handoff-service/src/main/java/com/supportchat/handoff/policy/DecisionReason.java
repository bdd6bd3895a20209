package com.supportchat.handoff.policy;

/** Why the policy decided as it did; {@link #code()} is what {@code HandoffDecided.reason} carries. */
public enum DecisionReason {
    ACCEPTED,
    ACCEPTED_OUTSIDE_OFFICE_HOURS,
    OPERATOR_ESCALATION,
    FORBIDDEN_TOPIC,
    LIVE_HANDOFF_DISABLED,
    AI_ONLY_LEVEL,
    TRIGGER_DISABLED,
    AI_SHOULD_TRY_FIRST,
    PROBLEM_STATEMENT_NEEDED,
    OUTSIDE_OFFICE_HOURS;

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
