-- Widget session rules per org, as conversation-service (their owner) last published them
-- (widget-settings-changed); handed to the widget in the session response's config.
CREATE TABLE session_rules (
    org_id                      UUID        PRIMARY KEY,
    allow_multiple_open         BOOLEAN     NOT NULL,
    show_conversation_list      BOOLEAN     NOT NULL,
    first_time_straight_to_chat BOOLEAN     NOT NULL,
    visitor_can_close           BOOLEAN     NOT NULL,
    helpful_prompt              BOOLEAN     NOT NULL,
    operator_label              TEXT        NOT NULL,
    changed_at                  TIMESTAMPTZ NOT NULL
);
