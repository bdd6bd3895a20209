package com.supportchat.ai.responder;

/** One earlier message of the conversation, as the responder sees it. */
public record Turn(Speaker speaker, String text) {

    public enum Speaker {
        VISITOR, AI, OPERATOR
    }
}
