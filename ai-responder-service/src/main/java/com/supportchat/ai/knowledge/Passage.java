package com.supportchat.ai.knowledge;

/**
 * A search hit: the chunk, its article, the raw BM25 score and a confidence in [0, 1]: the share of the
 * query's information (IDF-weighted terms) the passage covers. Raw BM25 scores are not comparable across
 * queries or orgs; the confidence is, so thresholds are set on it.
 */
public record Passage(String articleId, String title, String heading, String text, float score, double confidence) {
}
