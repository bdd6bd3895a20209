-- One row per org that changed its settings; orgs without a row use the defaults.
-- document is the settings JSON as the API shows it (HandoffSettingsDocument).
CREATE TABLE handoff_settings (
    org_id      TEXT PRIMARY KEY,
    document    JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT
);

-- Every handoff request and what became of it.
-- status: WAITING -> CLAIMED -> RELEASED | RESOLVED; WAITING -> ABANDONED (resolved before a human came);
-- WAITING -> RELEASED (handed back unclaimed); DECLINED for requests the policy turned down.
CREATE TABLE handoff_record (
    id                    UUID PRIMARY KEY,
    request_id            TEXT        NOT NULL UNIQUE,
    org_id                TEXT        NOT NULL,
    conversation_id       TEXT        NOT NULL,
    trigger               TEXT        NOT NULL,
    source                TEXT,
    summary               TEXT,
    status                TEXT        NOT NULL,
    reason                TEXT        NOT NULL,
    visitor_message       TEXT,
    outside_office_hours  BOOLEAN     NOT NULL DEFAULT false,
    team_back_at          TIMESTAMPTZ,
    operator_id           TEXT,
    operator_name         TEXT,
    requested_at          TIMESTAMPTZ NOT NULL,
    decided_at            TIMESTAMPTZ NOT NULL,
    claimed_at            TIMESTAMPTZ,
    first_human_reply_at  TIMESTAMPTZ,
    released_at           TIMESTAMPTZ,
    resolved_at           TIMESTAMPTZ,
    overdue_at            TIMESTAMPTZ,
    handback_due_at       TIMESTAMPTZ
);
CREATE INDEX handoff_record_org ON handoff_record (org_id, status, requested_at DESC);
CREATE INDEX handoff_record_conversation ON handoff_record (conversation_id, requested_at DESC);
-- At most one open handoff per conversation.
CREATE UNIQUE INDEX handoff_record_one_open ON handoff_record (conversation_id) WHERE status IN ('WAITING', 'CLAIMED');
CREATE INDEX handoff_record_waiting ON handoff_record (decided_at) WHERE status = 'WAITING' AND first_human_reply_at IS NULL;

-- What the policy needs to know about a conversation, learnt from message-received.
CREATE TABLE conversation_activity (
    conversation_id   TEXT PRIMARY KEY,
    org_id            TEXT        NOT NULL,
    visitor_id        TEXT,
    visitor_messages  INT         NOT NULL DEFAULT 0,
    ai_replies        INT         NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Visitors (by visitor id, contact id or customer key) whose email is known, from visitor-identified.
CREATE TABLE known_visitor (
    org_id       TEXT NOT NULL,
    visitor_key  TEXT NOT NULL,
    PRIMARY KEY (org_id, visitor_key)
);
