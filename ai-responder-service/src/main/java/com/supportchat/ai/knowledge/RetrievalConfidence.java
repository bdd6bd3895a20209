package com.supportchat.ai.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How likely the best passage of a search answers the question: a logistic model over what the search measured
 * (the passage's cosine to the question, its share of the question's words, its rank by words, whether the
 * next-best passage is from another article and how close it came). Its coefficients are fitted on the training
 * split of the labelled retrieval questions and its answer threshold chosen on the dev split; they are data
 * ({@code knowledge/retrieval-confidence.properties}), written by the calibration run described in
 * docs/ai-responder.md.
 */
public final class RetrievalConfidence {

    static final String RESOURCE = "/knowledge/retrieval-confidence.properties";

    private final double[] weights;
    private final double threshold;

    RetrievalConfidence(double[] weights, double threshold) {
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    public static RetrievalConfidence load() {
        Properties p = new Properties();
        try (InputStream in = RetrievalConfidence.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            p.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String[] parts = p.getProperty("weights").split(",");
        double[] weights = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            weights[i] = Double.parseDouble(parts[i].strip());
        }
        return new RetrievalConfidence(weights, Double.parseDouble(p.getProperty("threshold")));
    }

    /** The confidence from which the built-in responder answers with a passage. */
    public double threshold() {
        return threshold;
    }

    /** The passages, each with its confidence (the features of the first also look at the second). */
    List<Passage> rate(List<Passage> passages) {
        List<Passage> rated = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage runnerUp = null;
            for (int j = 0; j < passages.size(); j++) {
                if (j != i && !passages.get(j).articleId().equals(passages.get(i).articleId())) {
                    runnerUp = passages.get(j);
                    break;
                }
            }
            rated.add(passages.get(i).withConfidence(probability(features(passages.get(i), runnerUp))));
        }
        return rated;
    }

    /** The model's inputs; index 0 is the bias. */
    static double[] features(Passage passage, Passage runnerUp) {
        double margin = runnerUp == null ? passage.similarity() : passage.similarity() - runnerUp.similarity();
        return new double[] {
            1,
            passage.similarity(),
            passage.coverage(),
            passage.lexicalRank() == 0 ? 1 : 0,
            passage.lexicalRank() < 0 ? 1 : 0,
            margin
        };
    }

    double probability(double[] features) {
        double z = 0;
        for (int i = 0; i < weights.length && i < features.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
