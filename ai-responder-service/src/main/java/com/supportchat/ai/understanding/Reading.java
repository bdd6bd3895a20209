package com.supportchat.ai.understanding;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one visitor message says, as {@link IntentReader} read it.
 *
 * @param language      the language to answer in (detected, else the conversation's, else English)
 * @param detected      whether {@code language} was detected in this message (not inherited or defaulted)
 * @param signals       the signals found, possibly several ({@link Signal} order is their priority)
 * @param scores        the classifier's probability for each learned signal
 * @param reasons       for each signal found, a short human-readable reason with the words that carried it
 * @param smallTalk     the kind of small talk the message is, null when it is more than that
 * @param embedding     the message's sentence embedding (reused by search)
 */
public record Reading(Language language, boolean detected, Set<Signal> signals, Map<Signal, Double> scores,
        Map<Signal, String> reasons, SmallTalk smallTalk, float[] embedding) {

    public Reading {
        signals = Set.copyOf(signals);
        scores = Map.copyOf(scores);
        reasons = Map.copyOf(reasons);
    }

    public boolean has(Signal signal) {
        return signals.contains(signal);
    }

    /** The signal that decides what happens, by priority: a request for a person first, a resolution last. */
    public Optional<Signal> primary() {
        for (Signal signal : Signal.values()) {
            if (signals.contains(signal)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }

    public String reason(Signal signal) {
        return reasons.getOrDefault(signal, "");
    }

    static Map<Signal, String> emptyReasons() {
        return new EnumMap<>(Signal.class);
    }
}
