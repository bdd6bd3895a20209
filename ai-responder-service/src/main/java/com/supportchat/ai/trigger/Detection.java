package com.supportchat.ai.trigger;

/**
 * The outcome of trigger detection: the signal, a human-readable reason (goes into the handoff request)
 * and the words that matched.
 */
public record Detection(Signal signal, String reason, String evidence) {

    public static final Detection NONE = new Detection(Signal.NONE, "", "");

    public boolean is(Signal other) {
        return signal == other;
    }
}
