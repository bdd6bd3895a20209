package com.supportchat.ai.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message as the cue lexicons read it: lower case, accents removed, apostrophes and punctuation turned into
 * spaces, split into tokens, each token knowing its clause (clauses end at sentence punctuation, commas and line
 * breaks, so a negation in one clause does not reach into the next).
 *
 * @param tokens  the folded words
 * @param clauses clause number of each token
 */
public record Folded(String[] tokens, int[] clauses) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;!?,:\\n¿¡()]+|\\s[-–—]\\s");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A letter written three times or more in a row: "pfff", "grrrr", "nooooo" are read as "pff", "grr", "noo". */
    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");

    public static Folded of(String text) {
        List<String> tokens = new ArrayList<>();
        List<Integer> clauses = new ArrayList<>();
        int clause = 0;
        for (String part : CLAUSE_BREAK.split(fold(text))) {
            boolean any = false;
            for (String token : NON_WORD.split(part)) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                    clauses.add(clause);
                    any = true;
                }
            }
            if (any) {
                clause++;
            }
        }
        int[] c = new int[clauses.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = clauses.get(i);
        }
        return new Folded(tokens.toArray(String[]::new), c);
    }

    /** Lower case without accents; punctuation kept (clause breaks still need it). */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("")
            .replace('’', ' ').replace('\'', ' ').replace('`', ' ');
        return ELONGATION.matcher(plain).replaceAll("$1$1");
    }

    /** The words only, joined by single spaces. */
    public String words() {
        return String.join(" ", tokens);
    }

    public int size() {
        return tokens.length;
    }

    boolean sameClause(int a, int b) {
        return clauses[a] == clauses[b];
    }

    @Override
    public String toString() {
        return Arrays.toString(tokens);
    }
}
