-- Whether a conversation was alerted about a moment ago (the per-conversation budget, read on every visitor message
-- in an escalated conversation) is answered from this index, not by scanning the whole delivery log.
CREATE INDEX notification_delivery_conversation ON notification_delivery (conversation_id, kind, created_at DESC);
