package com.supportchat.ai.understanding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nearest labelled examples: how much a message resembles the training messages that carry each learned signal,
 * against those that do not, by meaning (sentence embeddings) and by wording (the hashed n-grams). The classifier
 * weighs these as features; during training an example is never its own neighbour.
 */
final class Neighbours {

    /** How many of the closest examples on each side are averaged. */
    static final int K = 3;

    /** A labelled example as the neighbour search sees it. */
    record Example(float[] embedding, Grams grams, Set<Signal> labels) {
    }

    /** The hashed n-grams of a message as parallel arrays sorted by index, for fast sparse dot products. */
    record Grams(int[] indices, float[] values) {
    }

    private final List<Example> examples;
    /**
     * The examples' n-grams inverted: for each n-gram, the examples that have it and its weight in each. A message
     * is then compared with all examples by visiting only the examples that share one of its n-grams, instead of
     * merging its n-grams with those of every example (which took half of the time of reading a message).
     */
    private final Map<Integer, Postings> postings;

    Neighbours(List<Example> examples) {
        this.examples = List.copyOf(examples);
        this.postings = invert(this.examples);
    }

    private record Postings(int[] examples, float[] values) {
    }

    private static Map<Integer, Postings> invert(List<Example> examples) {
        Map<Integer, List<int[]>> building = new java.util.HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Grams grams = examples.get(i).grams();
            for (int k = 0; k < grams.indices().length; k++) {
                building.computeIfAbsent(grams.indices()[k], g -> new java.util.ArrayList<>())
                    .add(new int[] { i, Float.floatToRawIntBits(grams.values()[k]) });
            }
        }
        Map<Integer, Postings> inverted = new java.util.HashMap<>(building.size() * 2);
        building.forEach((gram, list) -> {
            int[] ids = new int[list.size()];
            float[] values = new float[list.size()];
            for (int n = 0; n < ids.length; n++) {
                ids[n] = list.get(n)[0];
                values[n] = Float.intBitsToFloat(list.get(n)[1]);
            }
            inverted.put(gram, new Postings(ids, values));
        });
        return inverted;
    }

    List<Example> examples() {
        return examples;
    }

    /** The wording part of a feature vector (the hashed n-grams), as a map for sparse dot products. */
    static Grams grams(IntentFeatures.Vector vector) {
        Map<Integer, Float> grams = new java.util.TreeMap<>();
        for (int k = 0; k < vector.indices().length; k++) {
            if (vector.indices()[k] >= IntentFeatures.HASH_OFFSET) {
                grams.merge(vector.indices()[k], vector.values()[k], Float::sum);
            }
        }
        int[] indices = new int[grams.size()];
        float[] values = new float[grams.size()];
        int n = 0;
        for (Map.Entry<Integer, Float> e : grams.entrySet()) {
            indices[n] = e.getKey();
            values[n++] = e.getValue();
        }
        return new Grams(indices, values);
    }

    /**
     * For each learned signal: the mean similarity of the K closest examples with it minus that of the K closest
     * without it, by meaning and by wording (two values per signal, in the order of {@link IntentClassifier#LEARNED}).
     *
     * @param self the example's own index when it is one of the training examples, else -1
     */
    double[] features(float[] embedding, Grams grams, int self) {
        double[] features = new double[IntentClassifier.LEARNED.size() * 2];
        if (examples.isEmpty()) {
            return features;
        }
        double[] meaning = new double[examples.size()];
        double[] wording = wordingSimilarities(grams);
        if (self >= 0) {
            wording[self] = 0; // an example shares no wording with itself
        }
        for (int i = 0; i < examples.size(); i++) {
            meaning[i] = i == self ? Double.NaN : SentenceEncoder.cosine(embedding, examples.get(i).embedding());
        }
        for (int s = 0; s < IntentClassifier.LEARNED.size(); s++) {
            Signal signal = IntentClassifier.LEARNED.get(s);
            features[2 * s] = contrast(meaning, signal);
            features[2 * s + 1] = contrast(wording, signal);
        }
        return features;
    }

    private double contrast(double[] similarity, Signal signal) {
        double[] with = new double[K];
        double[] without = new double[K];
        java.util.Arrays.fill(with, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(without, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < similarity.length; i++) {
            if (!Double.isNaN(similarity[i])) {
                keepTop(examples.get(i).labels().contains(signal) ? with : without, similarity[i]);
            }
        }
        return mean(with) - mean(without);
    }

    /** Keeps the K largest values seen in {@code top} (sorted descending). */
    private static void keepTop(double[] top, double value) {
        if (value <= top[top.length - 1]) {
            return;
        }
        int i = top.length - 1;
        while (i > 0 && top[i - 1] < value) {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = value;
    }

    private static double mean(double[] top) {
        double sum = 0;
        int n = 0;
        for (double v : top) {
            if (v != Double.NEGATIVE_INFINITY) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The dot product of the message's n-grams with each example's. The message's n-grams are visited in index
     * order, so each sum adds the same products in the same order as a merge of the two sorted lists would.
     */
    private double[] wordingSimilarities(Grams grams) {
        double[] wording = new double[examples.size()];
        for (int k = 0; k < grams.indices().length; k++) {
            Postings list = postings.get(grams.indices()[k]);
            if (list == null) {
                continue;
            }
            float value = grams.values()[k];
            int[] ids = list.examples();
            float[] weights = list.values();
            for (int n = 0; n < ids.length; n++) {
                wording[ids[n]] += value * weights[n];
            }
        }
        return wording;
    }
}
