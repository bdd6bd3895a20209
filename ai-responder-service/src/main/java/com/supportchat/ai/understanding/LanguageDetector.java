package com.supportchat.ai.understanding;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Which of the seven languages a message is in: Lingua (statistical n-gram models of each language, made for short
 * texts like chat messages; only the seven languages are loaded) votes together with the message's stop words. Too short or too mixed to tell: empty,
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
    /** What is judged of a long text: its start says which language it is in. */
    static final int MAX_CHARS = 200;
    /**
     * Lingua's share of the vote; the rest goes to the share of the message's words that are stop words of each
     * language (chosen on the training and dev splits, whose messages carry their language).
     */
    static final double LINGUA_WEIGHT = 0.6;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    public LanguageDetector() {
        // low-accuracy mode (trigram models only): 18 MiB of heap instead of 170, and the stop-word vote below
        // makes up for most of what it loses on short messages
        this.lingua = LanguageDetectorBuilder.fromLanguages(LANGUAGES.keySet()
                .toArray(com.github.pemistahl.lingua.api.Language[]::new))
            .withPreloadedLanguageModels()
            .withLowAccuracyMode()
            .build();
    }

    /** The language and the confidence in it (0 to 1, its margin over the next), or null when the text is too short. */
    public Detected detect(String text) {
        if (text == null) {
            return null;
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        SortedMap<com.github.pemistahl.lingua.api.Language, Double> confidences =
                lingua.computeLanguageConfidenceValues(sample);
        Map<Language, Double> votes = new EnumMap<>(Language.class);
        confidences.forEach((l, c) -> votes.merge(LANGUAGES.get(l), LINGUA_WEIGHT * c, Double::sum));
        // one-letter words ("i", "a", "y", "e") are function words in several languages: they do not vote
        String[] tokens = java.util.Arrays.stream(Folded.of(sample).tokens()).filter(t -> t.length() > 1)
            .toArray(String[]::new);
        if (tokens.length > 0) {
            for (Language language : Language.values()) {
                int stop = 0;
                for (String token : tokens) {
                    if (StopWords.of(language).contains(token)) {
                        stop++;
                    }
                }
                votes.merge(language, (1 - LINGUA_WEIGHT) * stop / tokens.length, Double::sum);
            }
        }
        Language best = null;
        double bestVote = 0;
        double secondVote = 0;
        for (Map.Entry<Language, Double> vote : votes.entrySet()) {
            if (vote.getValue() > bestVote) {
                secondVote = bestVote;
                best = vote.getKey();
                bestVote = vote.getValue();
            }
            else if (vote.getValue() > secondVote) {
                secondVote = vote.getValue();
            }
        }
        // the confidence is the winner's margin: 0 for a tie, 1 when no other language got a vote
        return best == null || bestVote == 0 ? null : new Detected(best, 1 - secondVote / bestVote);
    }

    /** A detected language with its confidence. */
    public record Detected(Language language, double confidence) {
    }
}
