-- Per-org notification preferences; orgs without a row get the defaults (nobody to notify).
CREATE TABLE notification_settings (
    org_id      TEXT PRIMARY KEY,
    document    JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT
);

-- The delivery log: one row per (source event, recipient, channel), so a redelivered event never sends twice.
-- status: PENDING -> SENDING -> SENT | FAILED.
CREATE TABLE notification_delivery (
    id               UUID PRIMARY KEY,
    org_id           TEXT        NOT NULL,
    conversation_id  TEXT        NOT NULL,
    event_id         TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    recipient        TEXT        NOT NULL,
    trigger          TEXT,
    summary          TEXT,
    status           TEXT        NOT NULL,
    reason           TEXT,
    attempts         INT         NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    CONSTRAINT notification_delivery_once UNIQUE (event_id, recipient, channel)
);
CREATE INDEX notification_delivery_pending ON notification_delivery (created_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notification_delivery_org ON notification_delivery (org_id, created_at DESC);

-- The last messages of each conversation, for the email (kept short: see ConversationMessages).
CREATE TABLE conversation_message (
    message_id       TEXT PRIMARY KEY,
    conversation_id  TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    seq              BIGINT      NOT NULL,
    author_type      TEXT        NOT NULL,
    author_name      TEXT,
    text             TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversation_message_recent ON conversation_message (conversation_id, seq DESC);

-- Accepted handoffs nobody has answered yet, for re-notification.
CREATE TABLE unanswered_handoff (
    conversation_id    TEXT PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    trigger            TEXT,
    summary            TEXT,
    decided_at         TIMESTAMPTZ NOT NULL,
    last_notified_at   TIMESTAMPTZ NOT NULL,
    renotify_count     INT         NOT NULL DEFAULT 0
);
