-- A clientMessageId is its author's retry key, not the conversation's: an operator and the visitor (or two
-- operators) may pick the same one without colliding, and a retry only ever finds the author's own message.
ALTER TABLE message DROP CONSTRAINT message_conversation_id_client_message_id_key;
CREATE UNIQUE INDEX message_client_message_id_per_author
    ON message (conversation_id, author_type, coalesce(author_id, ''), client_message_id)
    WHERE client_message_id IS NOT NULL;
