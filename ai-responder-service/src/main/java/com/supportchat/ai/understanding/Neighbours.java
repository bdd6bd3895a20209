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

    Neighbours(List<Example> examples) {
        this.examples = List.copyOf(examples);
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
        double[] wording = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            if (i == self) {
                meaning[i] = Double.NaN;
                continue;
            }
            Example e = examples.get(i);
            meaning[i] = SentenceEncoder.cosine(embedding, e.embedding());
            wording[i] = sparseDot(grams, e.grams());
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

    private static double sparseDot(Grams a, Grams b) {
        int[] ia = a.indices();
        int[] ib = b.indices();
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                sum += a.values()[i++] * b.values()[j++];
            }
            else if (ia[i] < ib[j]) {
                i++;
            }
            else {
                j++;
            }
        }
        return sum;
    }
}
