-- Knowledge base: the source of truth; the Lucene index is rebuilt from it.
CREATE TABLE article (
    id          UUID        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    content     TEXT        NOT NULL,
    format      TEXT        NOT NULL,
    tags        TEXT[]      NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX article_org ON article (org_id, updated_at DESC);

-- AI settings per org (PUT /api/v1/settings/ai). api_key is write-only through the API.
CREATE TABLE ai_settings (
    org_id                       TEXT PRIMARY KEY,
    system_prompt                TEXT,
    model                        TEXT,
    temperature                  DOUBLE PRECISION,
    custom_handoff_instructions  TEXT,
    base_url                     TEXT,
    api_key                      TEXT,
    enabled                      BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at                   TIMESTAMPTZ NOT NULL
);

-- The org's handoff settings as handoff-service last published them (handoff-settings-changed).
CREATE TABLE handoff_settings (
    org_id                TEXT PRIMARY KEY,
    live_handoff_enabled  BOOLEAN     NOT NULL,
    level                 INT         NOT NULL,
    active_triggers       TEXT[]      NOT NULL DEFAULT '{}',
    forbidden_topics      TEXT[]      NOT NULL DEFAULT '{}',
    custom_phrases        TEXT[]      NOT NULL DEFAULT '{}',
    changed_at            TIMESTAMPTZ NOT NULL
);

-- Per-conversation AI context: what the AI knows about each conversation's status and its own record.
CREATE TABLE conversation_context (
    conversation_id       TEXT PRIMARY KEY,
    org_id                TEXT        NOT NULL,
    status                TEXT        NOT NULL,
    status_changed_at     TIMESTAMPTZ,
    consecutive_failures  INT         NOT NULL DEFAULT 0,
    handoff_requested_at  TIMESTAMPTZ,
    handoff_declined_at   TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL
);

-- Recent messages of each conversation (visitor, AI, operator), the model's conversation history.
CREATE TABLE conversation_message (
    conversation_id  TEXT        NOT NULL,
    message_id       TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    seq              BIGINT      NOT NULL,
    author_type      TEXT        NOT NULL,
    text             TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, message_id)
);
CREATE INDEX conversation_message_seq ON conversation_message (conversation_id, seq DESC);
