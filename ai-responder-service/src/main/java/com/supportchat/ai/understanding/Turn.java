package com.supportchat.ai.understanding;

/** One earlier message of the conversation, as the assistant sees it. */
public record Turn(Speaker speaker, String text) {

    public enum Speaker {
        VISITOR, AI, OPERATOR
    }
}
