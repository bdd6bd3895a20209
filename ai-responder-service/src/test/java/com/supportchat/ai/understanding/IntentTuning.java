package com.supportchat.ai.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tuning run, on the train and dev splits only (never the test split): trains the reader with the options given
 * as system properties, prints its quality on dev and, for each learned signal, the threshold with the best recall
 * at the precision target. A command-line tool for the developer, not a test.
 *
 * <pre>java -cp ... com.supportchat.ai.understanding.IntentTuning [-Dtune.epochs=30 ...]</pre>
 */
public final class IntentTuning {

    private IntentTuning() {
    }

    public static void main(String[] args) throws IOException {
        IntentReader.Tuning tuning = fromProperties();
        SentenceEncoder encoder = new SentenceEncoder();
        LanguageDetector languages = new LanguageDetector();
        if (System.getProperty("tune.explain") != null) {
            IntentReader untrained = IntentReader.train(encoder, languages, List.of(), tuning);
            for (String text : System.getProperty("tune.explain").split("\\|\\|")) {
                IntentReader.Analysis a = untrained.analyse(text, List.of(), java.util.Optional.empty());
                log("%s%n  language %s detected %s lexicon-folded %s%n  %s", text, a.language(), a.detected(), a.folded(),
                        a.cues());
                for (Lexicon.Cue cue : Lexicon.Cue.values()) {
                    List<Lexicon.Hit> hits = a.lexicon().find(a.folded(), cue);
                    if (!hits.isEmpty()) {
                        log("    %s %s", cue, hits.stream().map(h -> String.join(" ",
                                java.util.Arrays.asList(a.folded().tokens()).subList(h.start(), h.end()))).toList());
                    }
                }
            }
            return;
        }
        List<LabelledMessage> train = LabelledMessage.readResource(IntentReader.TRAINING_DATA);
        List<LabelledMessage> dev = LabelledMessage.readResource("/understanding/intent-dev.jsonl");
        TriggerSettings settings = orgSettings();
        long started = System.nanoTime();
        IntentReader reader = IntentReader.train(encoder, languages, train, tuning);
        log("trained on %d messages in %d ms with %s", train.size(), (System.nanoTime() - started) / 1_000_000, tuning);
        IntentEvaluation evaluation = IntentEvaluation.of(reader, dev, settings);
        log("dev:%s", evaluation.table(Boolean.getBoolean("tune.misses")));
        sweep(reader, dev, settings);
        if (Boolean.getBoolean("tune.phrases")) {
            phraseSimilarities(reader, encoder, dev, settings);
        }
    }

    /** The closest org phrase by meaning, for messages with and without the phrase signals. */
    private static void phraseSimilarities(IntentReader reader, SentenceEncoder encoder, List<LabelledMessage> dev,
            TriggerSettings settings) {
        OrgPhrases phrases = new OrgPhrases(encoder::embed, t -> null, 1.0);
        StringBuilder out = new StringBuilder("\nclosest phrase cosine: label lang topic custom text\n");
        for (LabelledMessage m : dev) {
            float[] e = encoder.embed(m.text());
            double topic = phrases.closest(e, settings.forbiddenTopics());
            double custom = phrases.closest(e, settings.customPhrases());
            String label = m.labels().contains(Signal.FORBIDDEN_TOPIC) ? "TOPIC " : m.labels().contains(Signal.CUSTOM_PHRASE)
                    ? "CUSTOM" : "-     ";
            out.append(String.format(Locale.ROOT, "%s %s %.2f %.2f %s%n", label, m.language().code(), topic, custom,
                    m.text().length() > 70 ? m.text().substring(0, 70) : m.text()));
        }
        log("%s", out);
    }

    /** For each learned signal, precision and recall on dev at a range of thresholds. */
    private static void sweep(IntentReader reader, List<LabelledMessage> dev, TriggerSettings settings) {
        Map<Signal, List<double[]>> scored = new EnumMap<>(Signal.class);
        for (LabelledMessage m : dev) {
            Reading r = reader.read(m.text(), m.history(), settings);
            for (Signal s : IntentClassifier.LEARNED) {
                scored.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {r.scores().get(s),
                    m.labels().contains(s) ? 1 : 0, s != Signal.RESOLUTION || !m.history().isEmpty() ? 1 : 0});
            }
        }
        StringBuilder out = new StringBuilder("\nthreshold sweep on dev (precision/recall)\n");
        for (double t = 0.2; t <= 0.951; t += 0.05) {
            out.append(String.format(Locale.ROOT, "%.2f", t));
            for (Signal s : IntentClassifier.LEARNED) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (double[] x : scored.get(s)) {
                    boolean predicted = x[0] >= t && x[2] == 1;
                    if (predicted && x[1] == 1) {
                        tp++;
                    }
                    else if (predicted) {
                        fp++;
                    }
                    else if (x[1] == 1) {
                        fn++;
                    }
                }
                out.append(String.format(Locale.ROOT, "   %s %.3f/%.3f", s.name().substring(0, 5),
                        tp + fp == 0 ? 1.0 : (double) tp / (tp + fp), tp + fn == 0 ? 1.0 : (double) tp / (tp + fn)));
            }
            out.append('\n');
        }
        log("%s", out);
    }

    static TriggerSettings orgSettings() throws IOException {
        try (InputStream in = IntentTuning.class.getResourceAsStream("/understanding/org-settings.json")) {
            JsonNode node = JsonMapper.builder().build().readTree(in);
            List<String> topics = new ArrayList<>();
            node.path("forbiddenTopics").forEach(t -> topics.add(t.asString()));
            List<String> phrases = new ArrayList<>();
            node.path("customPhrases").forEach(t -> phrases.add(t.asString()));
            return new TriggerSettings(true, TriggerSettings.DEFAULTS.activeTriggers(), topics, phrases);
        }
    }

    private static IntentReader.Tuning fromProperties() {
        IntentReader.Tuning d = IntentReader.Tuning.DEFAULT;
        IntentFeatures.Scales s = d.scales();
        IntentClassifier.Options o = d.training();
        Map<Signal, Double> thresholds = new EnumMap<>(d.thresholds());
        thresholds.put(Signal.HUMAN_REQUEST, dbl("tune.t.human", thresholds.get(Signal.HUMAN_REQUEST)));
        thresholds.put(Signal.FRUSTRATION, dbl("tune.t.frustration", thresholds.get(Signal.FRUSTRATION)));
        thresholds.put(Signal.RESOLUTION, dbl("tune.t.resolution", thresholds.get(Signal.RESOLUTION)));
        return new IntentReader.Tuning(
                new IntentFeatures.Scales(dbl("tune.cues", s.cues()), dbl("tune.embedding", s.embedding()),
                        dbl("tune.chars", s.chars()), dbl("tune.words", s.words())),
                new IntentClassifier.Options(Integer.getInteger("tune.epochs", o.epochs()), dbl("tune.lr", o.learningRate()),
                        dbl("tune.l2", o.l2()), dbl("tune.pos", o.positiveWeight()), o.seed(),
                        Integer.getInteger("tune.bags", o.bags())),
                thresholds, dbl("tune.phrase", d.phraseSimilarity()), dbl("tune.lang", d.minLanguageConfidence()));
    }

    private static double dbl(String name, double fallback) {
        String v = System.getProperty(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    @SuppressWarnings("java:S106") // a command-line tool prints its results
    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    static Path moduleDir() {
        return Files.isDirectory(Path.of("ai-responder-service")) ? Path.of("ai-responder-service") : Path.of(".");
    }
}
