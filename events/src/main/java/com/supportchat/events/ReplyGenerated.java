package com.supportchat.events;

import java.time.Instant;
import java.util.List;

/**
 * The AI's answer to a visitor message. conversation-service appends it only while the conversation is
 * still UNRESOLVED, so a reply generated while a handoff happened is dropped.
 */
public record ReplyGenerated(
        String replyId,
        String conversationId,
        String orgId,
        String inReplyToMessageId,
        String text,
        List<Source> sources,
        String responder,
        Instant generatedAt) implements ResponderEvent {

    public static final String TYPE = "com.supportchat.ai.reply-generated.v1";

    /** A knowledge-base article the answer came from. */
    public record Source(String articleId, String title) {
    }

    public ReplyGenerated {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    @Override
    public String topic() {
        return Topics.REPLY_GENERATED;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
