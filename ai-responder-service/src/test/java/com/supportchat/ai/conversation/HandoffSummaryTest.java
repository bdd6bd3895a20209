package com.supportchat.ai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.supportchat.events.AuthorType;

class HandoffSummaryTest {

    @Test
    void saysWhatTheVisitorNeedsAndWhatTheAiTried() {
        List<StoredMessage> history = List.of(
                new StoredMessage("m1", 1, AuthorType.VISITOR, "hi"),
                new StoredMessage("m2", 2, AuthorType.AI, "Hello! I'm the virtual assistant. How can I help you today?"),
                new StoredMessage("m3", 3, AuthorType.VISITOR, "My refund for order 1234 never arrived"),
                new StoredMessage("m4", 4, AuthorType.AI, "From our article \"Refunds and returns\": We refund within 5 days."));

        String summary = HandoffSummary.of("talk to a human", true, history, "visitor asked for a human", null);

        assertThat(summary).startsWith("Visitor needs: \"My refund for order 1234 never arrived\"")
            .contains("AI tried:").contains("answered from the article \"Refunds and returns\"")
            .contains("Handoff because: visitor asked for a human")
            .doesNotContain("talk to a human\"");
    }

    @Test
    void aFirstMessageRequestSaysSo() {
        String summary = HandoffSummary.of("human please", true, List.of(), "visitor asked for a human", null);

        assertThat(summary).contains("no question asked yet").contains("AI tried: nothing yet");
    }

    @Test
    void longMessagesAreShortenedAndTheModelsSummaryIsKept() {
        String summary = HandoffSummary.of("x ".repeat(200) + "why", false, List.of(), "model decided", "Needs a refund exception");

        assertThat(summary).contains("...\"").endsWith("Model summary: Needs a refund exception");
    }
}
