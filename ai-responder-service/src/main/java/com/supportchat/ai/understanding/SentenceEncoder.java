package com.supportchat.ai.understanding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

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
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
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
}
