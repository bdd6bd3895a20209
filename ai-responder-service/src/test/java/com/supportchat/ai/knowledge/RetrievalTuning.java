package com.supportchat.ai.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.supportchat.ai.understanding.IntentReader;
import com.supportchat.ai.understanding.LanguageDetector;
import com.supportchat.ai.understanding.SentenceEncoder;

/**
 * The retrieval calibration run, on the train and dev splits only: searches the demo knowledge base with the
 * labelled questions, fits {@link RetrievalConfidence}'s logistic model on train (is the top passage from the right
 * article?), and prints dev's outcome at a range of thresholds and the coefficients to put into
 * {@code knowledge/retrieval-confidence.properties}. A command-line tool for the developer, not a test.
 */
public final class RetrievalTuning {

    private RetrievalTuning() {
    }

    public static void main(String[] args) {
        SentenceEncoder encoder = new SentenceEncoder();
        IntentReader reader = IntentReader.trained(encoder, new LanguageDetector());
        RetrievalConfidence unfitted = new RetrievalConfidence(new double[6], 0.5);
        KnowledgeIndex index = RetrievalEvaluation.demoIndex(encoder, reader, unfitted);
        if (System.getProperty("tune.query") != null) {
            String q = System.getProperty("tune.query");
            var reading = reader.read(q, List.of(), com.supportchat.ai.understanding.TriggerSettings.DEFAULTS);
            log("%s -> %s %s", q, reading.language(), Glossary.load().translate(q, reading.language()));
            for (Passage p : index.search(RetrievalEvaluation.ORG, new SearchQuery(q, reading.language(),
                    reading.embedding()), 6).block()) {
                log("  %-34s fused %.3f sim %.3f cov %.2f lex %d | %s", p.articleId(), p.fusedScore(), p.similarity(),
                        p.coverage(), p.lexicalRank(), p.text().substring(0, Math.min(60, p.text().length())).replace('\n', ' '));
            }
            return;
        }
        List<RetrievalEvaluation.Outcome> train = RetrievalEvaluation.run(index, reader,
                RetrievalEvaluation.questions("/knowledge/retrieval-train.jsonl"));
        List<RetrievalEvaluation.Outcome> dev = RetrievalEvaluation.run(index, reader,
                RetrievalEvaluation.questions("/knowledge/retrieval-dev.jsonl"));
        double[] weights = fit(train);
        RetrievalConfidence fitted = new RetrievalConfidence(weights, 0.5);
        log("weights=%s", join(weights));
        log("train:");
        log("%s", RetrievalEvaluation.report(rescore(train, fitted), 0.5, false));
        List<RetrievalEvaluation.Outcome> scored = rescore(dev, fitted);
        for (double t = 0.2; t <= 0.81; t += 0.05) {
            log("dev %s", RetrievalEvaluation.report(scored, t, false));
        }
        log("misses at %s:%n%s", System.getProperty("tune.threshold", "0.5"),
                RetrievalEvaluation.report(Boolean.getBoolean("tune.train") ? rescore(train, fitted) : scored, Double.parseDouble(System.getProperty("tune.threshold", "0.5")), true));
    }

    static List<RetrievalEvaluation.Outcome> rescore(List<RetrievalEvaluation.Outcome> outcomes, RetrievalConfidence c) {
        List<RetrievalEvaluation.Outcome> rescored = new ArrayList<>();
        for (RetrievalEvaluation.Outcome o : outcomes) {
            Passage top = o.top() == null ? null
                    : o.top().withConfidence(c.probability(RetrievalConfidence.features(o.top(), o.runnerUp())));
            rescored.add(new RetrievalEvaluation.Outcome(o.question(), top, o.runnerUp(), o.smallTalk()));
        }
        return rescored;
    }

    /** Logistic regression by batch gradient descent with a little L2 (not on the bias). */
    static double[] fit(List<RetrievalEvaluation.Outcome> outcomes) {
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (RetrievalEvaluation.Outcome o : outcomes) {
            if (o.top() == null || o.question().article() != null && !o.question().answerable()) {
                continue;
            }
            xs.add(RetrievalConfidence.features(o.top(), o.runnerUp()));
            ys.add(o.topIsRight() ? 1 : 0);
        }
        double[] w = new double[xs.get(0).length];
        for (int iteration = 0; iteration < 20_000; iteration++) {
            double[] gradient = new double[w.length];
            for (int i = 0; i < xs.size(); i++) {
                double[] x = xs.get(i);
                double z = 0;
                for (int j = 0; j < w.length; j++) {
                    z += w[j] * x[j];
                }
                double error = 1 / (1 + Math.exp(-z)) - ys.get(i);
                for (int j = 0; j < w.length; j++) {
                    gradient[j] += error * x[j] / xs.size();
                }
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= 0.5 * (gradient[j] + (j == 0 ? 0 : 1e-3 * w[j]));
            }
        }
        return w;
    }

    private static String join(double[] w) {
        StringBuilder s = new StringBuilder();
        for (double v : w) {
            s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v));
        }
        return s.toString();
    }

    @SuppressWarnings("java:S106") // a command-line tool prints its results
    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
