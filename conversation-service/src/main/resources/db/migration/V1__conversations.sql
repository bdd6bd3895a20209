CREATE TABLE conversation (
    id                   UUID PRIMARY KEY,
    org_id               TEXT        NOT NULL,
    owner_key            TEXT        NOT NULL,
    identity_type        TEXT        NOT NULL,
    visitor_id           TEXT,
    contact_id           TEXT,
    external_id          TEXT,
    customer_name        TEXT,
    customer_email       TEXT,
    status               TEXT        NOT NULL,
    assignee_id          TEXT,
    assignee_name        TEXT,
    handoff_trigger      TEXT,
    handoff_summary      TEXT,
    last_seq             BIGINT      NOT NULL DEFAULT 0,
    last_message_preview TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    last_activity_at     TIMESTAMPTZ NOT NULL,
    first_response_at    TIMESTAMPTZ,
    escalated_at         TIMESTAMPTZ,
    first_human_reply_at TIMESTAMPTZ,
    resolved_at          TIMESTAMPTZ,
    resolved_by          TEXT,
    version              BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX conversation_owner ON conversation (org_id, owner_key, last_activity_at DESC);
CREATE INDEX conversation_inbox ON conversation (org_id, status, last_activity_at DESC);

-- The thread: messages and status entries share one per-conversation sequence, so a stream resumes
-- after any of them with Last-Event-ID.
CREATE TABLE message (
    id                UUID PRIMARY KEY,
    org_id            TEXT        NOT NULL,
    conversation_id   UUID        NOT NULL REFERENCES conversation (id),
    seq               BIGINT      NOT NULL,
    kind              TEXT        NOT NULL,
    author_type       TEXT        NOT NULL,
    author_id         TEXT,
    author_name       TEXT,
    text              TEXT,
    data              JSONB,
    client_message_id TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (conversation_id, seq),
    UNIQUE (conversation_id, client_message_id)
);

-- Customers as identity-service described them (event-carried state transfer from visitor-identified).
CREATE TABLE customer (
    org_id         TEXT        NOT NULL,
    customer_key   TEXT        NOT NULL,
    identity_type  TEXT        NOT NULL,
    visitor_id     TEXT,
    contact_id     TEXT,
    external_id    TEXT,
    name           TEXT,
    email          TEXT,
    trusted_data   JSONB       NOT NULL DEFAULT '{}',
    untrusted_data JSONB       NOT NULL DEFAULT '{}',
    metadata       JSONB       NOT NULL DEFAULT '{}',
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, customer_key)
);

CREATE TABLE widget_settings (
    org_id                      TEXT PRIMARY KEY,
    allow_multiple_open         BOOLEAN     NOT NULL,
    show_conversation_list      BOOLEAN     NOT NULL,
    first_time_straight_to_chat BOOLEAN     NOT NULL,
    visitor_can_close           BOOLEAN     NOT NULL,
    helpful_prompt              BOOLEAN     NOT NULL,
    operator_label              TEXT        NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL
);

CREATE TABLE feedback (
    id              UUID PRIMARY KEY,
    org_id          TEXT        NOT NULL,
    conversation_id UUID        NOT NULL REFERENCES conversation (id),
    message_id      UUID,
    helpful         BOOLEAN,
    rating          INT,
    comment         TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX feedback_one_per_message ON feedback (conversation_id, message_id) WHERE message_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_one_csat ON feedback (conversation_id) WHERE rating IS NOT NULL;
