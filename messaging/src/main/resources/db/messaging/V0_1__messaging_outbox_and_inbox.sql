-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE outbox (
    position      BIGSERIAL PRIMARY KEY,
    id            UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    event_key     TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    subject       TEXT        NOT NULL,
    org_id        TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       BYTEA       NOT NULL,
    attempts      INT         NOT NULL DEFAULT 0,
    last_attempt  TIMESTAMPTZ,
    last_error    TEXT,
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;

-- Idempotent consumers: an event id is recorded in the same transaction as the handler's writes.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
