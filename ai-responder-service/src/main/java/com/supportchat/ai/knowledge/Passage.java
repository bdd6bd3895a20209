package com.supportchat.ai.knowledge;

import com.supportchat.ai.understanding.Language;

/**
 * A search hit: a passage of an article and what the search knows about how well it answers the query.
 *
 * @param fusedScore  reciprocal-rank fusion of its ranks by words and by meaning (orders the hits)
 * @param similarity  cosine of the query's and the passage's sentence embeddings
 * @param coverage    share of the query's information (IDF-weighted terms) the passage contains
 * @param lexicalRank its rank by words (BM25), -1 when it was not among the word matches
 * @param confidence  the calibrated probability that this passage answers the query ({@link RetrievalConfidence})
 */
public record Passage(String articleId, String title, String heading, String text, Language language, double fusedScore,
        double similarity, double coverage, int lexicalRank, double confidence) {

    Passage withConfidence(double value) {
        return new Passage(articleId, title, heading, text, language, fusedScore, similarity, coverage, lexicalRank, value);
    }
}
