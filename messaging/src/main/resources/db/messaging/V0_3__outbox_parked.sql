-- A row Kafka refuses for good (too large, invalid topic, ...) is parked: kept with its reason in last_error, never
-- sent again by the relay, so it cannot hold up the rows behind it. An operator re-sends it after fixing the cause
-- by clearing parked_at (docs/operations.md, "Parked outbox rows").
ALTER TABLE outbox ADD COLUMN parked_at TIMESTAMPTZ;

DROP INDEX outbox_unpublished;
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked ON outbox (parked_at) WHERE parked_at IS NOT NULL;
