-- A reply job whose attempt number supportchat.ai.replies.max-attempts fails is dead: kept with its reason for
-- inspection, never claimed again, and the visitor got the built-in apology instead of silence (ReplyWorker).
ALTER TABLE reply_job ADD COLUMN dead_at TIMESTAMPTZ;
ALTER TABLE reply_job ADD COLUMN last_error TEXT;

DROP INDEX reply_job_due;
CREATE INDEX reply_job_due ON reply_job (claimed_until) WHERE dead_at IS NULL;
