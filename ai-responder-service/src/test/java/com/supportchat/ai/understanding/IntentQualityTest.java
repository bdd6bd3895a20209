package com.supportchat.ai.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader judged on the test split: messages it never learned from and that no tuning looked at. Prints precision
 * and recall per signal and language with every misreading (docs/ai-responder.md reports them), and keeps floors.
 *
 * <p>The floors are the targets where the reader meets them; where it does not yet (frustration recall), the
 * floor is what it reaches now, so it cannot get worse unnoticed: docs/ai-responder.md names the gap.
 */
class IntentQualityTest {

    private static final Logger log = LoggerFactory.getLogger(IntentQualityTest.class);

    private static IntentEvaluation test;

    @BeforeAll
    static void readTheTestSplit() throws IOException {
        List<LabelledMessage> messages = LabelledMessage.readResource("/understanding/intent-test.jsonl");
        assertThat(messages).hasSizeGreaterThan(300);
        test = IntentEvaluation.of(Models.reader(), messages, IntentTuning.orgSettings());
        log.info("Intent reading on the test split:{}", test.table(true));
    }

    @Test
    void requestsForAPersonAreReadPrecisely() {
        assertThat(test.precision(Signal.HUMAN_REQUEST)).as(test.table(false)).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall(Signal.HUMAN_REQUEST)).as(test.table(false)).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void resolutionsAreReadPrecisely() {
        assertThat(test.precision(Signal.RESOLUTION)).as(test.table(false)).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall(Signal.RESOLUTION)).as(test.table(false)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void frustrationIsRead() {
        assertThat(test.precision(Signal.FRUSTRATION)).as(test.table(false)).isGreaterThanOrEqualTo(FRUSTRATION_PRECISION);
        assertThat(test.recall(Signal.FRUSTRATION)).as(test.table(false)).isGreaterThanOrEqualTo(FRUSTRATION_RECALL);
    }

    @Test
    void fewOrdinaryMessagesAreHandedToAHuman() {
        assertThat(test.falseHandoffRate()).as(test.table(false)).isLessThanOrEqualTo(FALSE_HANDOFFS);
    }

    /**
     * Frustration precision (target 0.90) and false handoffs (target 3 %) are the targets; frustration recall is below
     * its target of 0.80 (0.769 measured on the test split on 2026-12-04), so its floor is just under that level.
     */
    static final double FRUSTRATION_PRECISION = 0.90;
    static final double FRUSTRATION_RECALL = 0.75;
    static final double FALSE_HANDOFFS = 0.03;
}
