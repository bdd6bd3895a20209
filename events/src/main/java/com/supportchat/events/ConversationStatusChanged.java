package com.supportchat.events;

import java.time.Instant;

/**
 * A conversation changed status. {@code seq} is the position of the status entry in the thread, so a
 * stream can resume after it. {@code trigger} and {@code summary} are set when the change is a handoff.
 */
public record ConversationStatusChanged(
        String conversationId,
        String orgId,
        long seq,
        ConversationStatus from,
        ConversationStatus to,
        HandoffTrigger trigger,
        String summary,
        AuthorType actorType,
        String actorId,
        Instant occurredAt) implements ConversationEvent {

    public static final String TYPE = "com.supportchat.conversation.status-changed.v1";

    @Override
    public String topic() {
        return Topics.CONVERSATION_STATUS_CHANGED;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
