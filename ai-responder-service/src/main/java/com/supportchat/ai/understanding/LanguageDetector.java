package com.supportchat.ai.understanding;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Which of the seven languages a message is in, with Lingua (statistical n-gram models of each language, made for
 * short texts like chat messages; only the seven languages are loaded). Too short or too mixed to tell: empty,
 * and the caller falls back on what it knows (the conversation's earlier messages, then English).
 */
public final class LanguageDetector {

    private static final Map<com.github.pemistahl.lingua.api.Language, Language> LANGUAGES = new EnumMap<>(Map.of(
            com.github.pemistahl.lingua.api.Language.ENGLISH, Language.EN,
            com.github.pemistahl.lingua.api.Language.GERMAN, Language.DE,
            com.github.pemistahl.lingua.api.Language.SPANISH, Language.ES,
            com.github.pemistahl.lingua.api.Language.FRENCH, Language.FR,
            com.github.pemistahl.lingua.api.Language.PORTUGUESE, Language.PT,
            com.github.pemistahl.lingua.api.Language.ITALIAN, Language.IT,
            com.github.pemistahl.lingua.api.Language.DUTCH, Language.NL));

    /** Text shorter than this (letters) is not judged: "ok", "agent" and "merci" say too little. */
    static final int MIN_LETTERS = 4;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    public LanguageDetector() {
        this.lingua = LanguageDetectorBuilder.fromLanguages(LANGUAGES.keySet()
                .toArray(com.github.pemistahl.lingua.api.Language[]::new))
            .withPreloadedLanguageModels()
            .build();
    }

    /** The language and Lingua's confidence in it (0 to 1), or null when the text is too short to judge. */
    public Detected detect(String text) {
        if (text == null) {
            return null;
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS) {
            return null;
        }
        SortedMap<com.github.pemistahl.lingua.api.Language, Double> confidences =
                lingua.computeLanguageConfidenceValues(text.length() > 500 ? text.substring(0, 500) : text);
        if (confidences.isEmpty()) {
            return null;
        }
        com.github.pemistahl.lingua.api.Language best = confidences.firstKey();
        Language language = LANGUAGES.get(best);
        return language == null ? null : new Detected(language, confidences.get(best));
    }

    /** A detected language with its confidence. */
    public record Detected(Language language, double confidence) {
    }
}
