package com.supportchat.ai.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The sentences of a passage (list items and table rows count as sentences), for their own embeddings. */
final class Sentences {

    /** Shorter pieces are joined to the next one: "Returns" alone means little. */
    static final int MIN_CHARS = 25;
    /** At most this many sentences of a passage are embedded. */
    static final int MAX_SENTENCES = 16;
    private static final Pattern BREAK = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private Sentences() {
    }

    static List<String> of(String passage) {
        List<String> sentences = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String piece : BREAK.split(passage)) {
            String text = piece.strip().replaceFirst("^[-*•]\\s+|^\\d+\\.\\s+", "");
            if (text.isEmpty()) {
                continue;
            }
            pending.append(pending.isEmpty() ? "" : " ").append(text);
            if (pending.length() >= MIN_CHARS) {
                sentences.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            if (sentences.isEmpty()) {
                sentences.add(pending.toString());
            }
            else {
                sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + pending);
            }
        }
        return sentences.size() > MAX_SENTENCES ? sentences.subList(0, MAX_SENTENCES) : sentences;
    }
}
