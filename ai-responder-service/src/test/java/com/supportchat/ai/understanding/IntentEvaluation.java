package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall per signal (overall and per language), the share of ordinary messages wrongly handed to a
 * human, and the misreadings, for a reader judged on a labelled split.
 */
final class IntentEvaluation {

    static final List<Signal> JUDGED = List.of(Signal.HUMAN_REQUEST, Signal.FRUSTRATION, Signal.RESOLUTION,
            Signal.CUSTOM_PHRASE, Signal.FORBIDDEN_TOPIC);
    /** Signals that hand a conversation to a human. */
    static final Set<Signal> HANDOFF = Set.of(Signal.HUMAN_REQUEST, Signal.FRUSTRATION, Signal.CUSTOM_PHRASE,
            Signal.FORBIDDEN_TOPIC);

    /** true positives, false positives, false negatives. */
    final Map<Signal, int[]> counts = new EnumMap<>(Signal.class);
    final Map<Language, Map<Signal, int[]>> byLanguage = new TreeMap<>();
    final List<String> misses = new ArrayList<>();
    /** Primary signal expected (rows) against primary signal read (columns); index 5 is "none". */
    final int[][] confusion = new int[6][6];
    int ordinary;
    int ordinaryHandedOff;
    int total;

    static IntentEvaluation of(IntentReader reader, List<LabelledMessage> messages, TriggerSettings settings) {
        IntentEvaluation e = new IntentEvaluation();
        for (Signal s : JUDGED) {
            e.counts.put(s, new int[3]);
        }
        for (LabelledMessage m : messages) {
            Reading reading = reader.read(m.text(), m.history(), settings);
            e.add(m, reading.signals(), reading);
        }
        return e;
    }

    void add(LabelledMessage m, Set<Signal> found, Reading reading) {
        total++;
        Map<Signal, int[]> lang = byLanguage.computeIfAbsent(m.language(), l -> {
            Map<Signal, int[]> c = new EnumMap<>(Signal.class);
            JUDGED.forEach(s -> c.put(s, new int[3]));
            return c;
        });
        for (Signal s : JUDGED) {
            boolean expected = m.labels().contains(s);
            boolean actual = found.contains(s);
            int slot = expected && actual ? 0 : actual ? 1 : expected ? 2 : -1;
            if (slot >= 0) {
                counts.get(s)[slot]++;
                lang.get(s)[slot]++;
            }
        }
        confusion[primary(m.labels())][primary(found)]++;
        if (m.labels().isEmpty()) {
            ordinary++;
            if (found.stream().anyMatch(HANDOFF::contains)) {
                ordinaryHandedOff++;
            }
        }
        if (!found.equals(m.labels())) {
            misses.add(String.format(Locale.ROOT, "  %s expected %-30s read %-30s h%.2f f%.2f r%.2f %s %s%s", m.language().code(),
                    m.labels(), found, reading.scores().get(Signal.HUMAN_REQUEST), reading.scores().get(Signal.FRUSTRATION),
                    reading.scores().get(Signal.RESOLUTION), reading.reasons().values(),
                    m.history().isEmpty() ? "" : "[after: " + last(m) + "] ", m.text()));
        }
    }

    private static int primary(Set<Signal> signals) {
        for (Signal s : Signal.values()) {
            if (signals.contains(s)) {
                return s.ordinal();
            }
        }
        return 5;
    }

    private static String last(LabelledMessage m) {
        String t = m.history().get(m.history().size() - 1).text();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    double precision(Signal s) {
        return precision(counts.get(s));
    }

    double recall(Signal s) {
        return recall(counts.get(s));
    }

    double falseHandoffRate() {
        return ordinary == 0 ? 0 : (double) ordinaryHandedOff / ordinary;
    }

    String table(boolean withMisses) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n%-16s %9s %9s %5s %5s %5s%n", "signal",
                "precision", "recall", "tp", "fp", "fn"));
        for (Signal s : JUDGED) {
            int[] c = counts.get(s);
            t.append(String.format(Locale.ROOT, "%-16s %9.3f %9.3f %5d %5d %5d%n", s, precision(c), recall(c), c[0], c[1],
                    c[2]));
        }
        t.append(String.format(Locale.ROOT, "ordinary messages handed to a human: %d of %d (%.1f %%)%n", ordinaryHandedOff,
                ordinary, 100 * falseHandoffRate()));
        t.append(String.format(Locale.ROOT, "%nper language (precision/recall)%n%-4s", ""));
        for (Signal s : JUDGED) {
            t.append(String.format(Locale.ROOT, " %16s", s));
        }
        t.append('\n');
        byLanguage.forEach((language, c) -> {
            t.append(String.format(Locale.ROOT, "%-4s", language.code()));
            for (Signal s : JUDGED) {
                t.append(String.format(Locale.ROOT, "      %.2f / %.2f", precision(c.get(s)), recall(c.get(s))));
            }
            t.append('\n');
        });
        t.append(String.format(Locale.ROOT, "%nconfusion by primary signal (rows expected, columns read)%n%-16s", ""));
        String[] names = {"HUMAN_REQUEST", "CUSTOM_PHRASE", "FORBIDDEN_TOPIC", "FRUSTRATION", "RESOLUTION", "none"};
        for (String n : names) {
            t.append(String.format(Locale.ROOT, " %15s", n));
        }
        t.append('\n');
        for (int r = 0; r < 6; r++) {
            t.append(String.format(Locale.ROOT, "%-16s", names[r]));
            for (int c = 0; c < 6; c++) {
                t.append(String.format(Locale.ROOT, " %15d", confusion[r][c]));
            }
            t.append('\n');
        }
        t.append(String.format(Locale.ROOT, "%d messages, %d read differently from their labels%n", total, misses.size()));
        if (withMisses) {
            misses.forEach(m -> t.append(m).append('\n'));
        }
        return t.toString();
    }
}
