package com.supportchat.ai.understanding;

/** A message that is only social: it asks nothing the knowledge base answers and needs no handoff. */
public enum SmallTalk {
    /** "what can you help me with?" (with or without a greeting) */
    CAPABILITIES,
    /** "are you a bot?" */
    IDENTITY,
    /** "hello", "good morning" */
    GREETING,
    /** "bye", "have a nice day" */
    FAREWELL,
    /** "thanks" where nothing was answered yet */
    THANKS,
    /** "ok", "I see" */
    ACKNOWLEDGEMENT
}
