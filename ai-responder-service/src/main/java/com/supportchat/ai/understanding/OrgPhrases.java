package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;


/**
 * Matches an org's own phrases (custom handoff phrases, forbidden topics, the lines of its custom handoff
 * instructions) in a visitor message, two ways: by word stems in the message's language and in English (so
 * "lawsuits" finds "lawsuit" and "Konto kündigen" finds "mein Konto kündigen"), and by meaning, as the cosine of
 * their sentence embeddings (so "can I pay with bitcoin" finds "cryptocurrency"). Phrase embeddings are cached.
 */
final class OrgPhrases {

    /** A phrase found in a message, and how. */
    record Match(String phrase, String how) {
    }

    /** At most this many cached phrase embeddings (all orgs' phrases together). */
    static final int CACHE_LIMIT = 20_000;

    private final Function<String, float[]> encoder;
    private final Function<String, Language> phraseLanguage;
    private final double similarity;
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();
    private final Map<String, Optional<Language>> languages = new ConcurrentHashMap<>();

    /**
     * @param encoder    sentence embeddings
     * @param similarity the cosine from which a phrase counts as meant (calibrated on the dev split)
     */
    OrgPhrases(Function<String, float[]> encoder, Function<String, Language> phraseLanguage, double similarity) {
        this.encoder = encoder;
        this.phraseLanguage = phraseLanguage;
        this.similarity = similarity;
    }

    /**
     * The first of {@code phrases} the message contains or means.
     *
     * @param honourNegation a phrase preceded by a negation does not count ("I don't want to cancel my account")
     */
    Optional<Match> find(Folded message, float[] messageEmbedding, Language language, List<String> phrases,
            boolean honourNegation, Lexicon lexicon) {
        if (phrases.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> messageStems = List.of(stems(message.tokens(), language), stems(message.tokens(), Language.EN));
        List<Lexicon.Hit> negations = honourNegation ? lexicon.find(message, Lexicon.Cue.NEGATION) : List.of();
        for (String phrase : phrases) {
            Folded folded = Folded.of(phrase);
            if (folded.size() == 0) {
                continue;
            }
            // a phrase written in another language is not matched by stems: Spanish "demanda" (lawsuit) is not French
            // "demander" (to ask), though they share a stem
            Language written = languageOf(phrase);
            boolean foreign = written != null && written != language && written != Language.EN;
            for (int v = foreign ? 1 : 0; v < messageStems.size(); v++) {
                Language stemLanguage = v == 0 ? language : Language.EN;
                if (v == 1 && written != null && written != Language.EN) {
                    continue;
                }
                int at = indexOfAll(messageStems.get(v), stems(folded.tokens(), stemLanguage));
                if (at >= 0 && !negatedAt(message, at, negations)) {
                    return Optional.of(new Match(phrase, "words"));
                }
            }
            if (messageEmbedding != null && negations.isEmpty()
                    && SentenceEncoder.cosine(messageEmbedding, embedding(phrase)) >= similarity) {
                return Optional.of(new Match(phrase, "meaning"));
            }
        }
        return Optional.empty();
    }

    /** The closest phrase by meaning and its cosine (for calibration). */
    double closest(float[] messageEmbedding, List<String> phrases) {
        double best = -1;
        for (String phrase : phrases) {
            best = Math.max(best, SentenceEncoder.cosine(messageEmbedding, embedding(phrase)));
        }
        return best;
    }

    /** The language a phrase is confidently written in, or null. */
    private Language languageOf(String phrase) {
        Optional<Language> cached = languages.get(phrase);
        if (cached == null) {
            cached = Optional.ofNullable(phraseLanguage.apply(phrase));
            if (languages.size() >= CACHE_LIMIT) {
                languages.clear();
            }
            languages.put(phrase, cached);
        }
        return cached.orElse(null);
    }

    private float[] embedding(String phrase) {
        float[] cached = embeddings.get(phrase);
        if (cached != null) {
            return cached;
        }
        float[] vector = encoder.apply(phrase);
        if (embeddings.size() >= CACHE_LIMIT) {
            embeddings.clear();
        }
        embeddings.put(phrase, vector);
        return vector;
    }

    /**
     * Where the phrase's stems all stand in the message within a window of twice the phrase's length, in any
     * order ("my account, please cancel it" has "cancel my account"); -1 when they do not.
     */
    static int indexOfAll(List<String> message, List<String> phrase) {
        Set<String> wanted = new LinkedHashSet<>(phrase);
        wanted.removeIf(String::isEmpty);
        if (wanted.isEmpty()) {
            return -1;
        }
        int window = Math.max(wanted.size() * 2, wanted.size() + 2);
        for (int start = 0; start < message.size(); start++) {
            if (!wanted.contains(message.get(start))) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int i = start; i < Math.min(message.size(), start + window); i++) {
                if (wanted.contains(message.get(i))) {
                    seen.add(message.get(i));
                }
            }
            if (seen.size() == wanted.size()) {
                return start;
            }
        }
        return -1;
    }

    private static boolean negatedAt(Folded message, int at, List<Lexicon.Hit> negations) {
        for (Lexicon.Hit n : negations) {
            if (n.end() <= at && at - n.end() < Cues.NEGATION_REACH && message.sameClause(n.start(), at)) {
                return true;
            }
        }
        return false;
    }

    static List<String> stems(String[] tokens, Language language) {
        return Stemming.stems(tokens, language);
    }
}
