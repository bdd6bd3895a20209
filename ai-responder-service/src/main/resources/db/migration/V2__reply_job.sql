-- Visitor messages waiting for a model's answer. The row is written in the transaction that records the
-- message as consumed, so the Kafka offset is committed at once instead of after the model call (spring-kafka
-- delivers no new records to a consumer until every record of its previous poll is acknowledged: one slow
-- model call would hold up every conversation behind it). It is deleted in the transaction that publishes
-- the reaction. A worker holds a row by its claim until claimed_until; a crash leaves the row, and when the
-- claim runs out any instance takes it up again.
CREATE TABLE reply_job (
    message_id       TEXT        PRIMARY KEY,
    conversation_id  TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    message          TEXT        NOT NULL,  -- the message-received event's data (JSON)
    received_at      TIMESTAMPTZ NOT NULL,
    attempts         INT         NOT NULL DEFAULT 1,
    claim            UUID        NOT NULL,
    claimed_until    TIMESTAMPTZ NOT NULL
);
CREATE INDEX reply_job_due ON reply_job (claimed_until);
