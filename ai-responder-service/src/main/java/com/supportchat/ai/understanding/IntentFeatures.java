package com.supportchat.ai.understanding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a read message into the classifier's input, one sparse vector with three blocks: the cue and rule
 * findings ({@link Cues}, named features and a few of their combinations), the sentence embedding, and hashed
 * character and word n-grams of the folded text (which carry the wording of every language, typos included).
 * Each block is scaled so that none drowns the others; the scales are tuned on the dev split.
 */
final class IntentFeatures {

    /** Hashed n-gram buckets. */
    static final int HASH_BITS = 18;
    static final int CUE_FEATURES = 72;
    /** Where the six {@link Neighbours} features sit among the named ones. */
    static final int NEIGHBOUR_OFFSET = 56;
    static final int EMBEDDING_OFFSET = CUE_FEATURES;
    static final int HASH_OFFSET = EMBEDDING_OFFSET + SentenceEncoder.DIMENSIONS;
    static final int SIZE = HASH_OFFSET + (1 << HASH_BITS);

    /** Block scales. */
    record Scales(double cues, double embedding, double chars, double words) {
        /** Chosen on the dev split: the cues count double, the n-grams half. */
        static final Scales DEFAULT = new Scales(2.0, 1.0, 0.5, 0.5);
    }

    /** A sparse vector: indices ascending is not required; values aligned with indices. */
    record Vector(int[] indices, float[] values) {
    }

    private final Scales scales;

    IntentFeatures(Scales scales) {
        this.scales = scales;
    }

    /** The vector without the {@link Neighbours} features ({@link #withNeighbours} adds them). */
    Vector vector(Cues cues, Folded folded, Language language, float[] embedding) {
        Map<Integer, Float> sparse = new LinkedHashMap<>();
        double[] named = named(cues, language);
        for (int i = 0; i < named.length; i++) {
            if (named[i] != 0) {
                sparse.put(i, (float) (named[i] * scales.cues()));
            }
        }
        if (embedding != null && scales.embedding() > 0) {
            for (int i = 0; i < embedding.length; i++) {
                sparse.put(EMBEDDING_OFFSET + i, (float) (embedding[i] * scales.embedding()));
            }
        }
        Map<Integer, Float> grams = new LinkedHashMap<>();
        addCharGrams(grams, folded);
        normalize(grams, scales.chars());
        grams.forEach(sparse::put);
        Map<Integer, Float> words = new LinkedHashMap<>();
        addWordGrams(words, folded);
        normalize(words, scales.words());
        words.forEach((k, v) -> sparse.merge(k, v, Float::sum));
        int[] indices = new int[sparse.size()];
        float[] values = new float[sparse.size()];
        int n = 0;
        for (Map.Entry<Integer, Float> e : sparse.entrySet()) {
            indices[n] = e.getKey();
            values[n++] = e.getValue();
        }
        return new Vector(indices, values);
    }

    /**
     * {@code base} (a vector made without neighbour features) with the {@link Neighbours} features added: the n-grams,
     * cues and embedding are not computed a second time.
     */
    Vector withNeighbours(Vector base, double[] neighbours) {
        int extra = 0;
        for (double v : neighbours) {
            extra += v != 0 ? 1 : 0;
        }
        int[] indices = java.util.Arrays.copyOf(base.indices(), base.indices().length + extra);
        float[] values = java.util.Arrays.copyOf(base.values(), base.values().length + extra);
        int n = base.indices().length;
        for (int i = 0; i < neighbours.length; i++) {
            if (neighbours[i] != 0) {
                indices[n] = NEIGHBOUR_OFFSET + i;
                values[n++] = (float) (neighbours[i] * scales.cues());
            }
        }
        return new Vector(indices, values);
    }

    /** The named features; index 0 is the bias. */
    static double[] named(Cues c, Language language) {
        double[] f = new double[CUE_FEATURES];
        int i = 0;
        f[i++] = 1;
        f[i++] = b(c.person());
        f[i++] = b(c.personNegated());
        f[i++] = b(c.contact());
        f[i++] = b(c.personContact());
        f[i++] = b(c.personRequest());
        f[i++] = b(c.barePerson());
        f[i++] = b(c.botContrast());
        f[i++] = b(c.thirdParty());
        f[i++] = b(c.requestNegated());
        f[i++] = b(c.frustration());
        f[i++] = b(c.repetitionComplaint());
        f[i++] = b(c.profanity());
        f[i++] = b(c.shouting());
        f[i++] = b(c.exclamations());
        f[i++] = b(c.interrobang());
        f[i++] = b(c.repeatedQuestion());
        f[i++] = c.repeatSimilarity();
        f[i++] = b(c.gratitude());
        f[i++] = b(c.resolved());
        f[i++] = b(c.resolvedNegated());
        f[i++] = b(c.more());
        f[i++] = b(c.question());
        f[i++] = b(c.greeting());
        f[i++] = b(c.capability());
        f[i++] = b(c.farewell());
        f[i++] = b(c.affirmation());
        f[i++] = b(c.negation());
        f[i++] = b(c.afterAnswer());
        f[i++] = b(c.answeredBefore());
        f[i++] = b(c.tokens() <= 3);
        f[i++] = b(c.tokens() > 15);
        boolean thanks = c.gratitude() || c.resolved();
        f[i++] = b(thanks && c.afterAnswer());
        f[i++] = b(c.resolved() && c.afterAnswer());
        f[i++] = b(thanks && c.more());
        f[i++] = b(thanks && c.question());
        f[i++] = b(thanks && !c.answeredBefore());
        f[i++] = b(thanks && c.afterAnswer() && !c.more() && !c.question());
        f[i++] = b(c.personContact() && c.thirdParty());
        f[i++] = b(c.personContact() && c.question());
        f[i++] = b(c.exclamations() && thanks);
        f[i++] = b(c.repeatedQuestion() && c.answeredBefore());
        f[i++] = b(c.frustration() || c.profanity() || c.repetitionComplaint() || c.shouting());
        f[i++] = b(c.person() && !c.personContact() && !c.personRequest() && !c.barePerson() && !c.botContrast());
        f[i++] = b(c.angryEmoji());
        f[i++] = b(c.happyEmoji());
        f[i++] = b(c.doubleQuestion());
        f[i++] = b(c.repeatedWord());
        boolean positive = c.gratitude() || c.resolved() || c.happyEmoji();
        f[i++] = b(positive && (c.exclamations() || c.interrobang()));
        f[i] = b(positive && !c.frustration() && !c.profanity());
        // the remaining slots: the language
        f[CUE_FEATURES - Language.values().length + language.ordinal()] = 1;
        return f;
    }

    private static double b(boolean value) {
        return value ? 1 : 0;
    }

    /** Character 3- to 5-grams of each word with its boundaries ("^hum", "man$"). */
    private static void addCharGrams(Map<Integer, Float> into, Folded folded) {
        for (String token : folded.tokens()) {
            String word = "^" + token + "$";
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= word.length(); i++) {
                    into.merge(bucket('c', word.substring(i, i + n)), 1f, Float::sum);
                }
            }
        }
    }

    /** Words and adjacent word pairs. */
    private static void addWordGrams(Map<Integer, Float> into, Folded folded) {
        String[] tokens = folded.tokens();
        for (int i = 0; i < tokens.length; i++) {
            into.merge(bucket('w', tokens[i]), 1f, Float::sum);
            if (i + 1 < tokens.length && folded.sameClause(i, i + 1)) {
                into.merge(bucket('b', tokens[i] + " " + tokens[i + 1]), 1f, Float::sum);
            }
        }
    }

    private static void normalize(Map<Integer, Float> block, double scale) {
        double norm = 0;
        for (float v : block.values()) {
            norm += v * v;
        }
        if (norm == 0) {
            return;
        }
        float factor = (float) (scale / Math.sqrt(norm));
        block.replaceAll((k, v) -> v * factor);
    }

    /** FNV-1a over the kind and the text: stable across JVMs and runs, unlike a salted hash. */
    static int bucket(char kind, String text) {
        int h = 0x811c9dc5;
        h = (h ^ kind) * 0x01000193;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x01000193;
        }
        return HASH_OFFSET + (h & ((1 << HASH_BITS) - 1));
    }
}
