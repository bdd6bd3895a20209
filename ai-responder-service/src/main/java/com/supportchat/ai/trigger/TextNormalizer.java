package com.supportchat.ai.trigger;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a chat message into lower-case ASCII clauses with contractions expanded, chat shorthand spelled out
 * and common typos of the words trigger detection looks for corrected, so the patterns stay readable.
 */
final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;!?,:\\n]+|\\s-\\s|\\bbut\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9' ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("don't", "do not"), Map.entry("dont", "do not"), Map.entry("doesn't", "does not"),
            Map.entry("doesnt", "does not"), Map.entry("didn't", "did not"), Map.entry("didnt", "did not"),
            Map.entry("can't", "can not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
            Map.entry("won't", "will not"), Map.entry("wont", "will not"), Map.entry("isn't", "is not"),
            Map.entry("isnt", "is not"), Map.entry("aren't", "are not"), Map.entry("arent", "are not"),
            Map.entry("wasn't", "was not"), Map.entry("wasnt", "was not"), Map.entry("haven't", "have not"),
            Map.entry("havent", "have not"), Map.entry("hasn't", "has not"), Map.entry("hasnt", "has not"),
            Map.entry("wouldn't", "would not"), Map.entry("wouldnt", "would not"), Map.entry("couldn't", "could not"),
            Map.entry("couldnt", "could not"), Map.entry("shouldn't", "should not"), Map.entry("shouldnt", "should not"),
            Map.entry("ain't", "is not"), Map.entry("i'm", "i am"), Map.entry("im", "i am"), Map.entry("i've", "i have"),
            Map.entry("ive", "i have"), Map.entry("i'd", "i would"), Map.entry("i'll", "i will"),
            Map.entry("you're", "you are"), Map.entry("youre", "you are"), Map.entry("you've", "you have"),
            Map.entry("it's", "it is"), Map.entry("that's", "that is"),
            Map.entry("thats", "that is"), Map.entry("what's", "what is"), Map.entry("whats", "what is"),
            Map.entry("there's", "there is"), Map.entry("theres", "there is"), Map.entry("let's", "let us"),
            Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
            Map.entry("gotta", "have to"), Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("r", "are"),
            Map.entry("ppl", "people"), Map.entry("pls", "please"), Map.entry("plz", "please"),
            Map.entry("plss", "please"), Map.entry("pleas", "please"), Map.entry("pleae", "please"),
            Map.entry("thx", "thanks"), Map.entry("thnx", "thanks"), Map.entry("thanx", "thanks"),
            Map.entry("thnks", "thanks"), Map.entry("thnaks", "thanks"), Map.entry("tahnks", "thanks"),
            Map.entry("thanls", "thanks"), Map.entry("tnx", "thanks"), Map.entry("ty", "thanks"),
            Map.entry("tks", "thanks"), Map.entry("thankyou", "thank you"), Map.entry("thnak", "thank"),
            Map.entry("tlak", "talk"), Map.entry("tak", "talk"), Map.entry("taalk", "talk"), Map.entry("tallk", "talk"),
            Map.entry("spek", "speak"), Map.entry("speek", "speak"), Map.entry("spaek", "speak"),
            Map.entry("sepak", "speak"), Map.entry("hman", "human"), Map.entry("humn", "human"),
            Map.entry("hooman", "human"), Map.entry("humam", "human"), Map.entry("agen", "agent"),
            Map.entry("reel", "real"), Map.entry("rela", "real"), Map.entry("sum1", "someone"),
            Map.entry("some1", "someone"), Map.entry("smb", "someone"), Map.entry("sb", "someone"),
            Map.entry("rep", "representative"), Map.entry("reps", "representatives"), Map.entry("costumer", "customer"),
            Map.entry("chatt", "chat"), Map.entry("gimme", "give me"), Map.entry("huma", "human"), Map.entry("w", "with"), Map.entry("rel", "real"), Map.entry("helpd", "helped"), Map.entry("hepled", "helped"), Map.entry("halped", "helped"), Map.entry("cs", "customer service"), Map.entry("wtf", "what the fuck"),
            Map.entry("ffs", "for fucks sake"));

    /** Words trigger patterns rely on; a token one edit away from one of these is read as that word. */
    private static final List<String> VOCABULARY = List.of("human", "humans", "person", "people", "agent", "agents",
            "representative", "operator", "someone", "somebody", "speak", "connect", "transfer", "customer",
            "service", "support", "useless", "ridiculous", "frustrated", "frustrating", "terrible", "helpful",
            "resolved", "solved", "perfect", "working");

    /** Real words a single edit away from a vocabulary word; never "corrected". */
    private static final Set<String> REAL_WORDS = Set.of("humane", "persona", "persons", "agenda", "speck", "spear",
            "speaks", "connects", "supports", "services", "serviced", "customs", "customer", "helpfully", "solves",
            "solver", "resolves", "resolver", "perfects", "working", "workings", "forking", "peoples", "someones",
            "operators", "agents", "humans", "person", "people", "spoke", "sneak", "steak", "peak", "persian",
            "useless", "unless", "solve", "resolve", "terribly", "tenable", "sperson", "parson", "prison", "poison", "poster", "mixed");

    private TextNormalizer() {
    }

    /** Lower case, accents stripped, apostrophes unified; punctuation kept so clauses can be split. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The whole message as one normalized string of words. */
    static String words(String text) {
        return normalizeClause(fold(text));
    }

    /** The message split into normalized clauses (at punctuation and "but"). */
    static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(fold(text))) {
            String clause = normalizeClause(part);
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    private static String normalizeClause(String folded) {
        String cleaned = SPACES.matcher(NON_WORD.matcher(folded).replaceAll(" ")).replaceAll(" ").trim();
        if (cleaned.isEmpty()) {
            return cleaned;
        }
        StringBuilder out = new StringBuilder(cleaned.length() + 16);
        for (String token : cleaned.split(" ")) {
            String word = token.replaceAll("^'+|'+$", "");
            if (word.isEmpty()) {
                continue;
            }
            String expanded = CONTRACTIONS.get(word);
            if (expanded == null) {
                if (word.endsWith("'s")) {
                    word = word.substring(0, word.length() - 2) + "s";
                }
                word = word.replace("'", "");
                expanded = correct(word);
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(expanded);
        }
        return out.toString();
    }

    /** Corrects one typo (an edit or a swap of neighbours) in words of five letters or more. */
    static String correct(String word) {
        if (word.length() < 5 || REAL_WORDS.contains(word) || VOCABULARY.contains(word)
                || VOCABULARY.contains(word.substring(0, word.length() - 1))) {
            return word;
        }
        for (String known : VOCABULARY) {
            int allowed = known.length() >= 9 ? 2 : 1;
            if (Math.abs(known.length() - word.length()) <= allowed && distance(word, known) <= allowed) {
                return known;
            }
        }
        return word;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
