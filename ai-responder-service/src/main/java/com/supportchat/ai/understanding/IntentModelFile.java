package com.supportchat.ai.understanding;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent model trained by the build ({@code understanding/intent-model.bin.gz}): the classifier's weights and the
 * labelled examples' embeddings and n-grams, so an instance starts without embedding a thousand messages and
 * training. It records what it was trained from (the training data, the tuning, the sentence model and the feature
 * layout); a model trained from anything else is not used, and the instance trains its own.
 *
 * <p>{@code main} is the build step: Maven runs it after compiling ({@code process-classes}).
 */
public final class IntentModelFile {

    private static final Logger log = LoggerFactory.getLogger(IntentModelFile.class);

    static final String RESOURCE = "/understanding/intent-model.bin.gz";
    private static final int MAGIC = 0x5343494D;
    private static final int VERSION = 1;

    /** A loaded model. */
    record Model(IntentClassifier classifier, Neighbours neighbours) {
    }

    private IntentModelFile() {
    }

    /** Trains on the shipped training split and writes the model to the path given (the build's output folder). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long started = System.nanoTime();
        IntentReader reader = IntentReader.train(new SentenceEncoder(), new LanguageDetector(),
                LabelledMessage.readResource(IntentReader.TRAINING_DATA), IntentReader.Tuning.DEFAULT);
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out)) {
            write(reader.classifier(), reader.neighbours(), IntentReader.Tuning.DEFAULT, file);
        }
        log.info("Intent model trained in {} ms and written to {} ({} KiB)", (System.nanoTime() - started) / 1_000_000,
                out, Files.size(out) / 1024);
    }

    static void write(IntentClassifier classifier, Neighbours neighbours, IntentReader.Tuning tuning, OutputStream to)
            throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(to);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(fingerprint(tuning));
        float[][] weights = classifier.weights();
        out.writeInt(weights.length);
        for (float[] w : weights) {
            int nonZero = 0;
            for (float v : w) {
                nonZero += v != 0 ? 1 : 0;
            }
            out.writeInt(w.length);
            out.writeInt(nonZero);
            for (int i = 0; i < w.length; i++) {
                if (w[i] != 0) {
                    out.writeInt(i);
                    out.writeFloat(w[i]);
                }
            }
        }
        List<Neighbours.Example> examples = neighbours.examples();
        out.writeInt(examples.size());
        for (Neighbours.Example e : examples) {
            out.writeInt(e.embedding().length);
            for (float v : e.embedding()) {
                out.writeFloat(v);
            }
            out.writeInt(e.grams().indices().length);
            for (int k = 0; k < e.grams().indices().length; k++) {
                out.writeInt(e.grams().indices()[k]);
                out.writeFloat(e.grams().values()[k]);
            }
            int labels = 0;
            for (Signal s : e.labels()) {
                labels |= 1 << s.ordinal();
            }
            out.writeInt(labels);
        }
        out.flush();
        gzip.finish();
    }

    /** The model the build trained, if it is there and fits the shipped data and tuning. */
    static Optional<Model> load(IntentReader.Tuning tuning) {
        InputStream resource = IntentModelFile.class.getResourceAsStream(RESOURCE);
        if (resource == null) {
            log.info("No intent model from the build ({}): training one now", RESOURCE);
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(resource)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(fingerprint(tuning))) {
                log.warn("The intent model from the build was trained from other data, tuning or code: training one now");
                return Optional.empty();
            }
            float[][] weights = new float[in.readInt()][];
            for (int s = 0; s < weights.length; s++) {
                weights[s] = new float[in.readInt()];
                int nonZero = in.readInt();
                for (int k = 0; k < nonZero; k++) {
                    weights[s][in.readInt()] = in.readFloat();
                }
            }
            int count = in.readInt();
            List<Neighbours.Example> examples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] embedding = new float[in.readInt()];
                for (int k = 0; k < embedding.length; k++) {
                    embedding[k] = in.readFloat();
                }
                int grams = in.readInt();
                int[] indices = new int[grams];
                float[] values = new float[grams];
                for (int k = 0; k < grams; k++) {
                    indices[k] = in.readInt();
                    values[k] = in.readFloat();
                }
                int bits = in.readInt();
                Set<Signal> labels = EnumSet.noneOf(Signal.class);
                for (Signal s : Signal.values()) {
                    if ((bits & (1 << s.ordinal())) != 0) {
                        labels.add(s);
                    }
                }
                examples.add(new Neighbours.Example(embedding, new Neighbours.Grams(indices, values), labels));
            }
            return Optional.of(new Model(new IntentClassifier(weights), new Neighbours(examples)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * What a model is trained from: the training data, the tuning, the sentence model, the feature layout and the
     * lexicons (the cue features depend on them).
     */
    static String fingerprint(IntentReader.Tuning tuning) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(resource(IntentReader.TRAINING_DATA));
            for (Language language : Language.values()) {
                sha.update(resource("/understanding/lexicon/" + language.code() + ".txt"));
            }
            // Map.of iterates in an order that changes from one JVM to the next: the thresholds go in sorted
            String thresholds = new java.util.TreeMap<>(tuning.thresholds()).toString();
            sha.update((tuning.scales() + "|" + tuning.training() + "|" + thresholds + "|" + tuning.phraseSimilarity() + "|"
                    + tuning.minLanguageConfidence() + "|" + SentenceEncoder.MODEL + "|" + IntentFeatures.SIZE + "|" + IntentFeatures.CUE_FEATURES
                    + "|" + VERSION).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = IntentModelFile.class.getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
