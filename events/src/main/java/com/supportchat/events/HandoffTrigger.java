package com.supportchat.events;

/** Why a conversation should go to a human. */
public enum HandoffTrigger {
    /** The visitor asked for a person, in words or with the widget's button. */
    HUMAN_REQUEST,
    /** One of the org's custom trigger phrases. */
    CUSTOM_PHRASE,
    FRUSTRATION,
    FORBIDDEN_TOPIC,
    /** The AI could not answer (outside the knowledge base, or the model said so). */
    AI_DECISION,
    /** The AI failed several times in a row. */
    UNPRODUCTIVE,
    /** An operator escalated by hand. */
    OPERATOR
}
