package com.supportchat.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.supportchat.ai.understanding.Models;

/**
 * The knowledge-base search judged on the test split of the labelled questions over the demo knowledge base: how
 * many paraphrased questions are answered from the right article, how many questions it cannot answer still get an
 * answer. Prints the figures per language and every miss (docs/ai-responder.md reports them) and keeps floors.
 */
class RetrievalQualityTest {

    private static final Logger log = LoggerFactory.getLogger(RetrievalQualityTest.class);

    private static KnowledgeIndex index;
    private static List<RetrievalEvaluation.Outcome> outcomes;
    private static RetrievalConfidence confidence;

    @BeforeAll
    static void searchTheTestSplit() {
        confidence = RetrievalConfidence.load();
        index = RetrievalEvaluation.demoIndex(Models.encoder(), Models.reader(), confidence);
        outcomes = RetrievalEvaluation.run(index, Models.reader(),
                RetrievalEvaluation.questions("/knowledge/retrieval-test.jsonl"));
        log.info("Knowledge-base search on the test split: {}", RetrievalEvaluation.report(outcomes,
                confidence.threshold(), true));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void paraphrasedQuestionsAreAnsweredFromTheRightArticle() {
        long answerable = outcomes.stream().filter(o -> o.question().answerable()).count();
        long right = outcomes.stream()
            .filter(o -> o.question().answerable() && o.topIsRight() && o.top().confidence() >= confidence.threshold()
                    && !o.smallTalk())
            .count();
        assertThat((double) right / answerable).isGreaterThanOrEqualTo(ANSWERED_RIGHT);
    }

    @Test
    void greetingsAreSmallTalkNotSearches() {
        List<RetrievalEvaluation.Outcome> greetings = outcomes.stream()
            .filter(o -> "GREETING".equals(o.question().article()))
            .toList();
        assertThat(greetings.stream().filter(RetrievalEvaluation.Outcome::smallTalk).count())
            .isGreaterThanOrEqualTo((long) Math.ceil(greetings.size() * GREETINGS));
    }

    /**
     * Floors just under the level measured on the test split (2026-12-04: 55 of 70 paraphrases answered from the right
     * article, 78.6 %, against the target of 90 %; 5 of 8 greetings read as small talk).
     */
    static final double ANSWERED_RIGHT = 0.75;
    static final double GREETINGS = 0.5;
}
