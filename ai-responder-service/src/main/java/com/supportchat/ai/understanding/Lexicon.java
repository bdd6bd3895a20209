package com.supportchat.ai.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cue words and phrases of one or more languages, by kind ({@link Cue}), read from the data files
 * {@code understanding/lexicon/<language>.txt}. An entry is a phrase of folded words that must stand next to
 * each other; a trailing {@code *} on its last word matches any ending. Single words of seven letters or more
 * also match a token one typing error away (a letter missing, added, changed, or two swapped), so "represenative"
 * and "humna" count without a list of typos.
 */
final class Lexicon {

    /** The kinds of cue; each is a section of the data file. */
    enum Cue {
        PERSON, CONTACT, REQUEST, BOT, NEGATION, FRUSTRATION, REPETITION, PROFANITY, GRATITUDE, RESOLVED, MORE, GREETING,
        CAPABILITY, FAREWELL, AFFIRMATION, THIRD_PARTY;

        static Cue ofSection(String section) {
            return valueOf(section.strip().toUpperCase(Locale.ROOT));
        }

        /**
         * Whether a typo of an entry counts: for the content words of requests, frustration and resolution, not for
         * function words, where one letter changes the meaning ("niemand" is not "iemand").
         */
        boolean forgivesTypos() {
            return this == PERSON || this == CONTACT || this == BOT || this == FRUSTRATION || this == RESOLVED;
        }
    }

    /** Where an entry of a cue stands in a message: tokens {@code start} (inclusive) to {@code end} (exclusive). */
    record Hit(Cue cue, int start, int end) {
    }

    private record Entry(String[] words, boolean prefix) {
    }

    /** Entries of one cue, indexed for lookup by their first word. */
    private static final class Index {
        final Map<String, List<Entry>> byFirstWord = new HashMap<>();
        final List<Entry> prefixed = new ArrayList<>();
        final List<Entry> fuzzy = new ArrayList<>();

        void add(Entry entry) {
            if (entry.words().length == 1 && entry.prefix()) {
                prefixed.add(entry);
                return;
            }
            byFirstWord.computeIfAbsent(entry.words()[0], w -> new ArrayList<>()).add(entry);
            if (entry.words().length == 1 && entry.words()[0].length() >= 7) {
                fuzzy.add(entry);
            }
        }
    }

    private final Map<Cue, Index> indexes = new EnumMap<>(Cue.class);
    /** Every single-word entry of any cue: a word that is an entry itself is never read as a typo of another. */
    private final java.util.Set<String> words = new java.util.HashSet<>();

    private Lexicon() {
        for (Cue cue : Cue.values()) {
            indexes.put(cue, new Index());
        }
    }

    static Lexicon union(Collection<Language> languages) {
        Lexicon lexicon = new Lexicon();
        languages.forEach(lexicon::read);
        return lexicon;
    }

    private void read(Language language) {
        String resource = "/understanding/lexicon/" + language.code() + ".txt";
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Cue cue = null;
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    cue = Cue.ofSection(entry.substring(1, entry.length() - 1));
                    continue;
                }
                if (cue == null) {
                    throw new IllegalStateException(resource + ": entry before the first [section]: " + entry);
                }
                add(cue, entry);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void add(Cue cue, String entry) {
        boolean prefix = entry.endsWith("*");
        String phrase = prefix ? entry.substring(0, entry.length() - 1) : entry;
        String[] words = Folded.of(phrase).tokens();
        if (words.length == 0) {
            return;
        }
        indexes.get(cue).add(new Entry(words, prefix));
        if (words.length == 1 && !prefix) {
            this.words.add(words[0]);
        }
    }

    /** Every place an entry of {@code cue} stands in the message, in order of position. */
    List<Hit> find(Folded text, Cue cue) {
        Index index = indexes.get(cue);
        String[] tokens = text.tokens();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            int end = longestAt(index, tokens, i, cue.forgivesTypos() && !words.contains(tokens[i]));
            if (end > i) {
                hits.add(new Hit(cue, i, end));
            }
        }
        return hits;
    }

    boolean any(Folded text, Cue cue) {
        return !find(text, cue).isEmpty();
    }

    private static int longestAt(Index index, String[] tokens, int i, boolean typos) {
        int best = -1;
        String token = tokens[i];
        for (Entry entry : index.byFirstWord.getOrDefault(token, List.of())) {
            best = Math.max(best, matchFrom(entry, tokens, i));
        }
        for (Entry entry : index.prefixed) {
            if (token.startsWith(entry.words()[0])) {
                best = Math.max(best, i + 1);
            }
        }
        if (best < 0 && typos && token.length() >= 6) {
            for (Entry entry : index.fuzzy) {
                if (oneEditApart(token, entry.words()[0])) {
                    return i + 1;
                }
            }
        }
        return best;
    }

    private static int matchFrom(Entry entry, String[] tokens, int start) {
        String[] words = entry.words();
        if (start + words.length > tokens.length) {
            return -1;
        }
        for (int k = 1; k < words.length; k++) {
            boolean last = k == words.length - 1;
            String token = tokens[start + k];
            if (!(token.equals(words[k]) || (last && entry.prefix() && token.startsWith(words[k])))) {
                return -1;
            }
        }
        return start + words.length;
    }

    /** Damerau-Levenshtein distance exactly 1 (or 0): one letter inserted, deleted, replaced, or two swapped. */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs == 0) {
                        first = i;
                    }
                    diffs++;
                }
            }
            if (diffs <= 1) {
                return true;
            }
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first)
                    && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String shorter = la < lb ? a : b;
        String longer = la < lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
