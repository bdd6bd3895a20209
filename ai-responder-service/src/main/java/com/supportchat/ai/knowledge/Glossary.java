package com.supportchat.ai.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.supportchat.ai.understanding.Folded;
import com.supportchat.ai.understanding.Language;
import com.supportchat.ai.understanding.Stemming;

/**
 * The support glossary (data file {@code knowledge/glossary.tsv}): concepts of customer support written the ways
 * people write them in each of the seven languages. A question in one language finds articles in another through
 * it: each concept the question names adds that concept's words in the article's language to the search (a
 * dictionary-based query translation). Matching is on Snowball stems of folded words, so inflected forms count.
 */
public final class Glossary {

    static final String RESOURCE = "/knowledge/glossary.tsv";

    /** A concept: its words in each language. */
    private record Concept(Map<Language, List<String>> words) {
    }

    /** One variant of a concept, as stems, for matching. */
    private record Variant(Concept concept, List<String> stems) {
    }

    /** Per source language: first stem of a variant -> the variants starting with it. */
    private final Map<Language, Map<String, List<Variant>>> variants = new EnumMap<>(Language.class);

    private Glossary() {
        for (Language language : Language.values()) {
            variants.put(language, new HashMap<>());
        }
    }

    public static Glossary load() {
        Glossary glossary = new Glossary();
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split("\t");
            Language[] columns = new Language[header.length];
            for (int i = 0; i < header.length; i++) {
                columns[i] = Language.ofCode(header[i]).orElseThrow();
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                glossary.add(columns, line.split("\t"));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return glossary;
    }

    private void add(Language[] columns, String[] cells) {
        Map<Language, List<String>> words = new EnumMap<>(Language.class);
        for (int i = 0; i < columns.length && i < cells.length; i++) {
            List<String> forms = new ArrayList<>();
            for (String form : cells[i].split("\\|")) {
                if (!form.isBlank()) {
                    forms.add(form.strip());
                }
            }
            words.put(columns[i], forms);
        }
        Concept concept = new Concept(words);
        words.forEach((language, forms) -> {
            for (String form : forms) {
                List<String> stems = Stemming.stems(Folded.of(form).tokens(), language).stream()
                    .filter(stem -> !stem.isEmpty())
                    .toList();
                if (!stems.isEmpty()) {
                    variants.get(language).computeIfAbsent(stems.get(0), s -> new ArrayList<>())
                        .add(new Variant(concept, stems));
                }
            }
        });
    }

    /**
     * Whether a variant's stems stand in the text from position {@code at} on, in order, with at most two other
     * words between them ("send the boots back" is "send back").
     */
    private static boolean matchesAt(List<String> text, int at, List<String> variant) {
        int position = at;
        for (int k = 1; k < variant.size(); k++) {
            int found = -1;
            for (int j = position + 1; j < text.size() && j <= position + 3; j++) {
                if (text.get(j).equals(variant.get(k))) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            position = found;
        }
        return true;
    }

    /**
     * The words of the concepts {@code text} (written in {@code language}) names, in each language: what to add to
     * a search over articles in that language. In its own language and in English that is the concept's first word
     * (its usual name: "postage" adds "shipping"); in the others their first three.
     */
    public Map<Language, Set<String>> translate(String text, Language language) {
        List<String> stems = Stemming.stems(Folded.of(text).tokens(), language).stream()
            .filter(stem -> !stem.isEmpty())
            .toList();
        Map<Language, Set<String>> words = new EnumMap<>(Language.class);
        Map<String, List<Variant>> index = variants.get(language);
        for (int i = 0; i < stems.size(); i++) {
            for (Variant variant : index.getOrDefault(stems.get(i), List.of())) {
                if (matchesAt(stems, i, variant.stems())) {
                    variant.concept().words().forEach((target, forms) -> words.computeIfAbsent(target,
                            t -> new LinkedHashSet<>()).addAll(target == Language.EN || target == language
                                    ? forms.subList(0, 1) : forms.subList(0, Math.min(3, forms.size()))));
                }
            }
        }
        return words;
    }
}
