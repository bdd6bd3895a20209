package com.supportchat.ai.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.supportchat.events.AuthorType;

/**
 * The summary an operator reads before taking over: what the visitor needs (their recent questions, quoted) and
 * what the AI tried (the articles it answered from, or its last replies). Extractive, so it works without a
 * model; a model's own summary is added when there is one.
 */
final class HandoffSummary {

    /** The built-in responder's answers name their article in double quotes before a colon, in every language. */
    private static final Pattern FROM_ARTICLE = Pattern.compile("^[^\"]{0,60}\"([^\"]+)\"\\s*:");
    private static final int QUOTE = 160;

    private HandoffSummary() {
    }

    /**
     * @param currentText          the message that led to the handoff
     * @param currentIsJustRequest it only asks for a person ("talk to a human"): nothing worth quoting
     */
    static String of(String currentText, boolean currentIsJustRequest, List<StoredMessage> history, String reason,
            String modelSummary) {
        List<String> needs = new ArrayList<>();
        List<String> visitorTexts = new ArrayList<>();
        for (StoredMessage message : history) {
            if (message.authorType() == AuthorType.VISITOR) {
                visitorTexts.add(message.text());
            }
        }
        visitorTexts.add(currentText);
        for (int i = visitorTexts.size() - 1; i >= 0 && needs.size() < 2; i--) {
            String text = visitorTexts.get(i).strip();
            boolean current = i == visitorTexts.size() - 1;
            if (substantive(text) && !(current && currentIsJustRequest)) {
                needs.add(0, quote(text));
            }
        }
        List<String> tried = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && tried.size() < 2; i--) {
            StoredMessage message = history.get(i);
            if (message.authorType() == AuthorType.AI) {
                Matcher article = FROM_ARTICLE.matcher(message.text());
                tried.add(0, article.find() ? "answered from the article \"" + article.group(1) + "\""
                        : "replied " + quote(message.text()));
            }
        }
        StringBuilder summary = new StringBuilder("Visitor needs: ");
        summary.append(needs.isEmpty() ? "to talk to a person (no question asked yet)" : String.join(" / ", needs));
        summary.append(". AI tried: ").append(tried.isEmpty() ? "nothing yet" : String.join("; ", tried));
        summary.append(". Handoff because: ").append(reason).append('.');
        if (modelSummary != null && !modelSummary.isBlank()) {
            summary.append(" Model summary: ").append(modelSummary.strip());
        }
        return summary.toString();
    }

    /** A message worth quoting: a question or statement with some content, not just "hi" or "ok thanks". */
    private static boolean substantive(String text) {
        return text.split("\\s+").length >= 3;
    }

    private static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return "\"" + (oneLine.length() <= QUOTE ? oneLine : oneLine.substring(0, QUOTE) + "...") + "\"";
    }
}
