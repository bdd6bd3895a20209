package com.supportchat.ai.trigger;

/** What trigger detection read in a visitor message. */
public enum Signal {
    /** The visitor asked for a person. */
    HUMAN_REQUEST,
    /** One of the org's custom handoff phrases. */
    CUSTOM_PHRASE,
    /** One of the org's forbidden topics. */
    FORBIDDEN_TOPIC,
    /** Anger, swearing, shouting, "this is useless", the same question again. */
    FRUSTRATION,
    /** The visitor confirmed the issue is addressed. */
    RESOLUTION,
    NONE
}
