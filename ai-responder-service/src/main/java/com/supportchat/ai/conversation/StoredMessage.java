package com.supportchat.ai.conversation;

import com.supportchat.events.AuthorType;

/** A message of the conversation kept for the model's history and the handoff summary. */
record StoredMessage(String messageId, long seq, AuthorType authorType, String text) {
}
