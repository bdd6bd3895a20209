package com.supportchat.ai.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an article into passages of about 500-800 characters: never across a heading, at paragraph
 * boundaries where possible, at sentence boundaries inside long paragraphs. Markdown and HTML markup is
 * reduced to plain text, since passages are quoted to visitors and fed to the model.
 */
public final class Chunker {

    static final int MIN_CHARS = 500;
    static final int MAX_CHARS = 800;
    /** Sections shorter than this are merged into the next one when both fit in one chunk. */
    private static final int SMALL_SECTION = 200;

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern HTML_HEADING = Pattern.compile("(?is)<h[1-6][^>]*>(.*?)</h[1-6]>");
    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern HTML_BLOCK_END = Pattern.compile("(?i)</(?:p|div|ul|ol|table|section|article|blockquote|pre)>");
    private static final Pattern HTML_ITEM = Pattern.compile("(?i)<li[^>]*>");
    private static final Pattern HTML_ROW_END = Pattern.compile("(?i)</(?:li|tr)>");
    private static final Pattern HTML_DROP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
    private static final Pattern MD_TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");

    private Chunker() {
    }

    public static List<Chunk> chunk(String content, ArticleFormat format) {
        if (content == null || content.isBlank()) {
            return List.of();
        }
        String markdown = switch (format) {
            case HTML -> htmlToMarkdown(content);
            case MARKDOWN -> content;
            case TEXT -> content.replace("\r\n", "\n");
        };
        List<Section> sections = sections(markdown, format != ArticleFormat.TEXT);
        List<Section> merged = mergeSmall(sections);
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : merged) {
            for (String text : pack(section.paragraphs())) {
                chunks.add(new Chunk(section.heading(), text));
            }
        }
        return chunks;
    }

    private record Section(String heading, List<String> paragraphs) {

        int length() {
            return paragraphs.stream().mapToInt(p -> p.length() + 2).sum();
        }
    }

    private static List<Section> sections(String markdown, boolean headings) {
        List<Section> sections = new ArrayList<>();
        String heading = "";
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String rawLine : markdown.replace("\r\n", "\n").split("\n", -1)) {
            Matcher h = headings ? HEADING.matcher(rawLine) : null;
            if (h != null && h.matches()) {
                flush(paragraph, paragraphs);
                if (!paragraphs.isEmpty()) {
                    sections.add(new Section(heading, paragraphs));
                }
                heading = plain(h.group(2));
                paragraphs = new ArrayList<>();
                continue;
            }
            if (rawLine.isBlank()) {
                flush(paragraph, paragraphs);
                continue;
            }
            if (headings && MD_TABLE_RULE.matcher(rawLine).matches()) {
                continue;
            }
            String line = headings ? plain(rawLine) : rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!paragraph.isEmpty()) {
                paragraph.append('\n');
            }
            paragraph.append(line);
        }
        flush(paragraph, paragraphs);
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(heading, paragraphs));
        }
        return sections;
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    /** A heading with a few lines under it says little alone: keep it with the next section if both fit. */
    private static List<Section> mergeSmall(List<Section> sections) {
        List<Section> merged = new ArrayList<>();
        Section pending = null;
        for (Section section : sections) {
            if (pending == null) {
                pending = section;
                continue;
            }
            if (pending.length() < SMALL_SECTION && pending.length() + section.length() <= MAX_CHARS) {
                List<String> paragraphs = new ArrayList<>(pending.paragraphs());
                if (!section.heading().isEmpty()) {
                    paragraphs.add(section.heading() + ":");
                }
                paragraphs.addAll(section.paragraphs());
                pending = new Section(pending.heading().isEmpty() ? section.heading() : pending.heading(), paragraphs);
            }
            else {
                merged.add(pending);
                pending = section;
            }
        }
        if (pending != null) {
            merged.add(pending);
        }
        return merged;
    }

    /** Packs paragraphs into chunks: fill up to MAX, stop once past MIN at a paragraph boundary. */
    private static List<String> pack(List<String> paragraphs) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph.length() <= MAX_CHARS) {
                pieces.add(paragraph);
            }
            else {
                pieces.addAll(splitLong(paragraph));
            }
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            boolean fits = current.length() + piece.length() + 2 <= MAX_CHARS;
            if (!current.isEmpty() && (!fits || current.length() >= MIN_CHARS)) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private static List<String> splitLong(String paragraph) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : SENTENCE_END.split(paragraph)) {
            for (String piece : hardSplit(sentence)) {
                if (!current.isEmpty() && current.length() + piece.length() + 1 > MAX_CHARS) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(piece);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** A "sentence" longer than a chunk (a URL list, no punctuation) is cut at the last space that fits. */
    private static List<String> hardSplit(String sentence) {
        List<String> parts = new ArrayList<>();
        String rest = sentence;
        while (rest.length() > MAX_CHARS) {
            int cut = rest.lastIndexOf(' ', MAX_CHARS);
            if (cut <= 0) {
                cut = MAX_CHARS;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Markdown inline markup to plain text; table cells become "a - b". */
    private static String plain(String line) {
        String text = MD_IMAGE.matcher(line).replaceAll("$1");
        text = MD_LINK.matcher(text).replaceAll("$1");
        text = MD_EMPHASIS.matcher(text).replaceAll("");
        String trimmed = text.strip();
        if (trimmed.startsWith("|") && trimmed.endsWith("|")) {
            String[] cells = trimmed.substring(1, trimmed.length() - 1).split("\\|");
            List<String> kept = new ArrayList<>();
            for (String cell : cells) {
                if (!cell.isBlank()) {
                    kept.add(cell.strip());
                }
            }
            return String.join(" - ", kept);
        }
        return trimmed.startsWith(">") ? trimmed.substring(1).strip() : trimmed;
    }

    static String htmlToMarkdown(String html) {
        String text = HTML_DROP.matcher(html).replaceAll(" ");
        text = HTML_HEADING.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "\n\n# " + TAG.matcher(m.group(1)).replaceAll("").strip() + "\n\n"));
        text = HTML_BREAK.matcher(text).replaceAll("\n");
        text = HTML_ITEM.matcher(text).replaceAll("\n- ");
        text = HTML_ROW_END.matcher(text).replaceAll("\n");
        text = HTML_BLOCK_END.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
            .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.replaceAll("[ \\t]+", " ").strip()).append('\n');
        }
        return out.toString();
    }
}
