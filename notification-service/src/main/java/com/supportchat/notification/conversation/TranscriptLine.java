package com.supportchat.notification.conversation;

import java.time.Instant;

/** One recent message of a conversation, as shown in a notification. */
public record TranscriptLine(long seq, String authorType, String authorName, String text, Instant createdAt) {
}
