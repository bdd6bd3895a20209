package com.supportchat.ai.responder;

import java.util.List;

import com.supportchat.ai.settings.AiSettings;

/**
 * A visitor message to answer, with the conversation's recent history (oldest first, without this message)
 * and the org's AI settings.
 */
public record ResponderRequest(String orgId, String conversationId, String messageId, String text, List<Turn> history,
        AiSettings settings) {

    public ResponderRequest {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
