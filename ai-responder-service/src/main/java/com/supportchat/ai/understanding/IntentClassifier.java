package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The learned part of reading a message: one logistic regression per learned signal (one against the rest, since
 * a message may carry several), over {@link IntentFeatures}. Trained by stochastic gradient descent with AdaGrad
 * step sizes and L2 regularisation, in a fixed order from a fixed seed: the same data gives the same model,
 * bit for bit, on every instance.
 */
final class IntentClassifier {

    /** The signals the classifier learns; the org's phrases and topics are matched, not learned. */
    static final List<Signal> LEARNED = List.of(Signal.HUMAN_REQUEST, Signal.FRUSTRATION, Signal.RESOLUTION);

    /**
     * @param epochs         passes over the training data
     * @param learningRate   AdaGrad's base step
     * @param l2             regularisation strength per example
     * @param positiveWeight weight of a positive example relative to a negative one (positives are rarer)
     * @param seed           the order of examples in each pass
     */
    record Options(int epochs, double learningRate, double l2, double positiveWeight, long seed, int bags) {
        static final Options DEFAULT = new Options(20, 0.2, 1e-5, 2.0, 20261204L, 3);
    }

    /** A training example: its features and the learned signals it carries. */
    record Example(IntentFeatures.Vector features, Set<Signal> labels) {
    }

    private final float[][] weights;

    IntentClassifier(float[][] weights) {
        this.weights = weights;
    }

    /** The weights, one array per learned signal (for {@link IntentModelFile}). */
    float[][] weights() {
        return weights;
    }

    static IntentClassifier train(List<Example> examples, Options options) {
        float[][] weights = new float[LEARNED.size()][IntentFeatures.SIZE];
        for (int s = 0; s < LEARNED.size(); s++) {
            // the average of models trained on differently ordered passes: less dependent on one order
            for (int bag = 0; bag < options.bags(); bag++) {
                float[] one = new float[IntentFeatures.SIZE];
                trainOne(one, LEARNED.get(s), examples, options, options.seed() + 7919L * bag);
                for (int j = 0; j < one.length; j++) {
                    weights[s][j] += one[j] / options.bags();
                }
            }
        }
        return new IntentClassifier(weights);
    }

    private static void trainOne(float[] w, Signal signal, List<Example> examples, Options options, long seed) {
        float[] squaredGradients = new float[w.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed + signal.ordinal());
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int index : order) {
                Example example = examples.get(index);
                boolean positive = example.labels().contains(signal);
                double p = sigmoid(dot(w, example.features()));
                double weight = positive ? options.positiveWeight() : 1.0;
                double error = weight * (p - (positive ? 1 : 0));
                int[] indices = example.features().indices();
                float[] values = example.features().values();
                for (int k = 0; k < indices.length; k++) {
                    int j = indices[k];
                    double gradient = error * values[k] + options.l2() * w[j];
                    squaredGradients[j] += (float) (gradient * gradient);
                    w[j] -= (float) (options.learningRate() * gradient / Math.sqrt(squaredGradients[j] + 1e-8));
                }
            }
        }
    }

    /** The probability of each learned signal, in the order of {@link #LEARNED}. */
    double[] probabilities(IntentFeatures.Vector features) {
        double[] p = new double[LEARNED.size()];
        for (int s = 0; s < p.length; s++) {
            p[s] = sigmoid(dot(weights[s], features));
        }
        return p;
    }

    private static double dot(float[] w, IntentFeatures.Vector x) {
        double sum = 0;
        int[] indices = x.indices();
        float[] values = x.values();
        for (int k = 0; k < indices.length; k++) {
            sum += w[indices[k]] * values[k];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
