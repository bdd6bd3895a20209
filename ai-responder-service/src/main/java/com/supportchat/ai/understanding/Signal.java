package com.supportchat.ai.understanding;

/** What a visitor message says beyond its question; a message may carry several, listed here by priority. */
public enum Signal {
    /** The visitor asked for a person. */
    HUMAN_REQUEST,
    /** One of the org's custom handoff phrases or instructions. */
    CUSTOM_PHRASE,
    /** One of the org's forbidden topics. */
    FORBIDDEN_TOPIC,
    /** Anger, impatience, swearing, shouting, "this is useless", the same question again. */
    FRUSTRATION,
    /** The visitor confirmed the issue is settled. */
    RESOLUTION
}
