-- processed_event rows are pruned after a retention (supportchat.messaging.processed-retention, 7 days by default):
-- no Kafka record is redelivered that long after it was applied, and without pruning the table grows forever.
CREATE INDEX processed_event_age ON processed_event (processed_at);
