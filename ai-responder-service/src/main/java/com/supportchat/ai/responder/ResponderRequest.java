package com.supportchat.ai.responder;

import java.util.List;

import com.supportchat.ai.understanding.Turn;
import com.supportchat.ai.settings.AiSettings;
import com.supportchat.ai.understanding.Reading;

/**
 * A visitor message to answer, with the conversation's recent history (oldest first, without this message), the
 * org's AI settings and what the message was read to say (its language, its embedding); {@code reading} is null
 * when the message was not read first.
 */
public record ResponderRequest(String orgId, String conversationId, String messageId, String text, List<Turn> history,
        AiSettings settings, Reading reading) {

    public ResponderRequest {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public ResponderRequest(String orgId, String conversationId, String messageId, String text, List<Turn> history,
            AiSettings settings) {
        this(orgId, conversationId, messageId, text, history, settings, null);
    }
}
