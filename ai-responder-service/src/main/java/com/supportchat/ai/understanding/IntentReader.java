package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.supportchat.events.HandoffTrigger;

/**
 * Reads a visitor message: its language, and the signals it carries. Deterministic for a given model and data;
 * no network; about 3 ms on one core (one sentence embedding, the lexicons, the classifier). Thread-safe.
 *
 * <p>How: the message is folded and its language detected; the cue lexicons of that language and English
 * (visitors mix them) and the rules give {@link Cues}; the classifier weighs the cues, the embedding and the
 * wording into a probability per learned signal, and a signal counts from its threshold (calibrated on held-out
 * data for precision first). The org's custom phrases, instruction lines and forbidden topics are matched by
 * stems and by meaning ({@link OrgPhrases}).
 */
public final class IntentReader {

    /**
     * What was tuned on the training and dev splits.
     *
     * @param scales            feature block scales
     * @param training          classifier training options
     * @param thresholds        probability from which a learned signal counts
     * @param phraseSimilarity  cosine from which an org phrase counts as meant
     * @param minLanguageConfidence below this, the detected language is not trusted on its own
     */
    public record Tuning(IntentFeatures.Scales scales, IntentClassifier.Options training, Map<Signal, Double> thresholds,
            double phraseSimilarity, double minLanguageConfidence) {

        /** Chosen on the dev split (docs/ai-responder.md, "Quality protocol"). */
        public static final Tuning DEFAULT = new Tuning(IntentFeatures.Scales.DEFAULT, IntentClassifier.Options.DEFAULT,
                Map.of(Signal.HUMAN_REQUEST, 0.5, Signal.FRUSTRATION, 0.35, Signal.RESOLUTION, 0.5), 0.55, 0.10);
    }

    /** The messages the classifier learns from, shipped with the service (the train split). */
    public static final String TRAINING_DATA = "/understanding/intent-train.jsonl";
    /** The probability from which frustration counts when the message has no cue of it (chosen on the dev split). */
    static final double UNMARKED_FRUSTRATION = 0.80;
    /** Characters of a message that are read; the rest of a very long message changes nothing. */
    static final int MAX_CHARS = 4000;

    private final SentenceEncoder encoder;
    private final LanguageDetector languages;
    private final IntentClassifier classifier;
    private final Neighbours neighbours;
    private final IntentFeatures features;
    private final OrgPhrases phrases;
    private final Tuning tuning;
    private final Map<Language, Lexicon> lexicons = new EnumMap<>(Language.class);
    private final Lexicon allLexicons;

    private IntentReader(SentenceEncoder encoder, LanguageDetector languages, IntentClassifier classifier,
            Neighbours neighbours, Tuning tuning) {
        this.encoder = encoder;
        this.languages = languages;
        this.classifier = classifier;
        this.neighbours = neighbours;
        this.features = new IntentFeatures(tuning.scales());
        this.phrases = new OrgPhrases(encoder::embed, this::confidentLanguage, tuning.phraseSimilarity());
        this.tuning = tuning;
        for (Language language : Language.values()) {
            lexicons.put(language, Lexicon.union(language == Language.EN ? List.of(Language.EN)
                    : List.of(language, Language.EN)));
        }
        this.allLexicons = Lexicon.union(List.of(Language.values()));
    }

    /** Trains the classifier on {@code examples} (CPU-bound: seconds; call once, off the event loop). */
    public static IntentReader train(SentenceEncoder encoder, LanguageDetector languages, List<LabelledMessage> examples,
            Tuning tuning) {
        IntentReader untrained = new IntentReader(encoder, languages, null, null, tuning);
        List<Analysis> analyses = new ArrayList<>(examples.size());
        List<Neighbours.Example> labelled = new ArrayList<>(examples.size());
        for (LabelledMessage example : examples) {
            Analysis analysis = untrained.analyse(example.text(), example.history(), Optional.of(example.language()));
            analyses.add(analysis);
            labelled.add(new Neighbours.Example(analysis.embedding(), Neighbours.grams(analysis.vector()), example.labels()));
        }
        Neighbours neighbours = new Neighbours(labelled);
        List<IntentClassifier.Example> training = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Analysis analysis = analyses.get(i);
            double[] near = neighbours.features(analysis.embedding(), labelled.get(i).grams(), i);
            training.add(new IntentClassifier.Example(untrained.features.withNeighbours(analysis.vector(), near),
                    examples.get(i).labels()));
        }
        return new IntentReader(encoder, languages, IntentClassifier.train(training, tuning.training()), neighbours,
                tuning);
    }

    /**
     * The reader trained on the shipped training split with the shipped tuning: the model the build trained
     * ({@link IntentModelFile}) when it is there and was trained from the same data and tuning, else trained now.
     */
    public static IntentReader trained(SentenceEncoder encoder, LanguageDetector languages) {
        return IntentModelFile.load(Tuning.DEFAULT)
            .map(model -> new IntentReader(encoder, languages, model.classifier(), model.neighbours(), Tuning.DEFAULT))
            .orElseGet(() -> train(encoder, languages, LabelledMessage.readResource(TRAINING_DATA), Tuning.DEFAULT));
    }

    IntentClassifier classifier() {
        return classifier;
    }

    Neighbours neighbours() {
        return neighbours;
    }

    /**
     * Reads one message.
     *
     * @param text     the visitor's message
     * @param history  the conversation before it, oldest first
     * @param settings the org's forbidden topics, custom phrases and instructions (whether a trigger is active does
     *                 not change what is read, only what is done about it)
     */
    public Reading read(String text, List<Turn> history, TriggerSettings settings) {
        String message = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Analysis analysis = analyse(message, history, Optional.empty());
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        Map<Signal, Double> scores = new EnumMap<>(Signal.class);
        Map<Signal, String> reasons = Reading.emptyReasons();
        double[] p = classifier.probabilities(analysis.vector());
        for (int s = 0; s < IntentClassifier.LEARNED.size(); s++) {
            Signal signal = IntentClassifier.LEARNED.get(s);
            scores.put(signal, p[s]);
            boolean vetoed = signal == Signal.HUMAN_REQUEST && analysis.cues().requestNegated();
            double threshold = tuning.thresholds().getOrDefault(signal, 0.5);
            if (signal == Signal.FRUSTRATION && !analysis.cues().anyFrustrationCue()) {
                // with no word, mark or rule of annoyance at all, the wording alone must be far more certain:
                // "Tell me about your returns policy" is a question without a question mark, not anger
                threshold = Math.max(threshold, UNMARKED_FRUSTRATION);
            }
            if (p[s] >= threshold && !vetoed) {
                signals.add(signal);
                reasons.put(signal, reason(signal, analysis.cues()));
            }
        }
        List<String> custom = new ArrayList<>(settings.customPhrases());
        custom.addAll(settings.customInstructions());
        // the sentence model reads English only: other languages are matched by words
        float[] meaning = analysis.language() == Language.EN ? analysis.embedding() : null;
        phrases.find(analysis.folded(), meaning, analysis.language(), custom, true, analysis.lexicon())
            .ifPresent(match -> {
                signals.add(Signal.CUSTOM_PHRASE);
                reasons.put(Signal.CUSTOM_PHRASE, "custom handoff phrase \"" + match.phrase() + "\" (by " + match.how() + ")");
            });
        phrases.find(analysis.folded(), meaning, analysis.language(), settings.forbiddenTopics(), false,
                analysis.lexicon())
            .ifPresent(match -> {
                signals.add(Signal.FORBIDDEN_TOPIC);
                reasons.put(Signal.FORBIDDEN_TOPIC, "forbidden topic \"" + match.phrase() + "\" (by " + match.how() + ")");
            });
        if (signals.contains(Signal.RESOLUTION) && !analysis.cues().answeredBefore()) {
            signals.remove(Signal.RESOLUTION);
            reasons.remove(Signal.RESOLUTION);
        }
        return new Reading(analysis.language(), analysis.detected(), signals, scores, reasons, analysis.cues().smallTalk(),
                analysis.embedding());
    }

    /** The language of a short text when Lingua is sure of it (an org's phrase), else null. */
    private Language confidentLanguage(String text) {
        LanguageDetector.Detected detected = languages.detect(text);
        return detected != null && detected.confidence() >= 0.3 ? detected.language() : null;
    }

    /** The language of a text on its own (e.g. a knowledge-base article's), English when it cannot tell. */
    public Language languageOf(String text) {
        LanguageDetector.Detected detected = languages.detect(text);
        return detected == null ? Language.EN : detected.language();
    }

    public static HandoffTrigger trigger(Signal signal) {
        return switch (signal) {
            case HUMAN_REQUEST -> HandoffTrigger.HUMAN_REQUEST;
            case CUSTOM_PHRASE -> HandoffTrigger.CUSTOM_PHRASE;
            case FORBIDDEN_TOPIC -> HandoffTrigger.FORBIDDEN_TOPIC;
            case FRUSTRATION -> HandoffTrigger.FRUSTRATION;
            case RESOLUTION -> throw new IllegalArgumentException("a resolution is not a handoff trigger");
        };
    }

    private static String quoted(List<String> words) {
        return words.isEmpty() ? "" : " (\"" + String.join("\", \"", words) + "\")";
    }

    /** What the classifier and the phrase matching need, computed once per message. */
    record Analysis(Language language, boolean detected, Folded folded, Lexicon lexicon, Cues cues, float[] embedding,
            IntentFeatures.Vector vector) {
    }

    Analysis analyse(String text, List<Turn> history, Optional<Language> known) {
        Folded folded = Folded.of(text);
        LanguageDetector.Detected detected = known.isPresent() ? null : languages.detect(text);
        boolean trusted = detected != null && detected.confidence() >= tuning.minLanguageConfidence();
        Language language = known.orElseGet(() -> trusted ? detected.language() : conversationLanguage(history, detected));
        Lexicon lexicon = known.isPresent() || trusted ? lexicons.get(language) : allLexicons;
        Cues cues = Cues.read(text, folded, language, lexicon, history);
        float[] embedding = encoder.embed(text);
        IntentFeatures.Vector vector = features.vector(cues, folded, language, embedding);
        if (neighbours != null) {
            vector = features.withNeighbours(vector, neighbours.features(embedding, Neighbours.grams(vector), -1));
        }
        return new Analysis(language, known.isPresent() || trusted, folded, lexicon, cues, embedding, vector);
    }

    /** The language of the visitor's recent messages together; else the weak guess; else English. */
    private Language conversationLanguage(List<Turn> history, LanguageDetector.Detected weak) {
        StringBuilder visitor = new StringBuilder();
        for (int i = history.size() - 1; i >= 0 && visitor.length() < 400; i--) {
            if (history.get(i).speaker() == Turn.Speaker.VISITOR) {
                visitor.append(history.get(i).text()).append(". ");
            }
        }
        LanguageDetector.Detected together = visitor.isEmpty() ? null : languages.detect(visitor.toString());
        if (together != null && together.confidence() >= tuning.minLanguageConfidence()) {
            return together.language();
        }
        return weak != null ? weak.language() : Language.EN;
    }

    private static String reason(Signal signal, Cues cues) {
        return switch (signal) {
            case HUMAN_REQUEST -> "visitor asked for a human" + quoted(cues.requestWords());
            case FRUSTRATION -> cues.shouting() ? "visitor is shouting"
                    : cues.repeatedQuestion() ? "visitor repeated the same question"
                            : "visitor is frustrated" + quoted(cues.frustrationWords());
            case RESOLUTION -> "visitor confirmed the issue is addressed";
            default -> signal.name();
        };
    }
}
