package com.supportchat.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void markdownIsSplitAtHeadingsAndMarkupRemoved() {
        String md = """
                # Refunds

                ## Return policy

                You can return any item within **30 days** of delivery, see [the form](https://x.example/returns).

                ## Refunds

                We refund to the original payment method within 5 working days.
                """;
        List<Chunk> chunks = Chunker.chunk(md, ArticleFormat.MARKDOWN);
        assertThat(chunks).extracting(Chunk::text).allSatisfy(text -> assertThat(text).doesNotContain("**", "](", "#"));
        assertThat(chunks).anySatisfy(c -> assertThat(c.text()).contains("within 30 days of delivery, see the form"));
        // the short "Return policy" section is kept together with the next one, under both headings
        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.heading()).isEqualTo("Return policy");
            assertThat(c.text()).contains("Refunds:").contains("5 working days");
        });
    }

    @Test
    void longSectionsBecomeChunksOfAboutFiveToEightHundredCharacters() {
        StringBuilder md = new StringBuilder("# Long\n\n");
        for (int p = 0; p < 12; p++) {
            md.append("Paragraph ").append(p).append(" says something useful about shipping. ".repeat(4)).append("\n\n");
        }
        List<Chunk> chunks = Chunker.chunk(md.toString(), ArticleFormat.MARKDOWN);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.text().length()).isBetween(
                Chunker.MIN_CHARS, Chunker.MAX_CHARS));
        assertThat(chunks.get(chunks.size() - 1).text().length()).isLessThanOrEqualTo(Chunker.MAX_CHARS);
    }

    @Test
    void aParagraphLongerThanAChunkIsCutAtSentences() {
        String text = "This sentence is about forty characters. ".repeat(60);
        List<Chunk> chunks = Chunker.chunk(text, ArticleFormat.TEXT);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.MAX_CHARS);
            assertThat(c.text()).endsWith(".");
        });
    }

    @Test
    void htmlIsReducedToTextWithHeadingsKept() {
        String html = "<h1>Shipping</h1><p>We ship <b>worldwide</b> &amp; fast.</p><h2>Costs</h2><ul><li>Germany: free</li>"
                + "<li>EU: 9 &euro;</li></ul><script>alert(1)</script>";
        List<Chunk> chunks = Chunker.chunk(html, ArticleFormat.HTML);
        String all = String.join("\n", chunks.stream().map(c -> c.heading() + ": " + c.text()).toList());
        assertThat(all).contains("We ship worldwide & fast.").contains("Germany: free").doesNotContain("<", "alert");
        assertThat(chunks).extracting(Chunk::heading).contains("Shipping");
    }

    @Test
    void plainTextKeepsHashLinesAsText() {
        List<Chunk> chunks = Chunker.chunk("# not a heading in text\n\nbody", ArticleFormat.TEXT);
        assertThat(chunks).singleElement().satisfies(c -> assertThat(c.text()).contains("# not a heading"));
    }
}
