package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.supportchat.ai.understanding.Lexicon.Cue;
import com.supportchat.ai.understanding.Lexicon.Hit;

/**
 * What the cue lexicons and the rules find in one visitor message, in the context of the conversation so far:
 * the evidence the classifier weighs, and the words quoted as the reason of a signal.
 *
 * <p>Rules do what rules do best: a request preceded by a negation in its clause ("no need for a person") does
 * not count; shouting is read from letter case; the same question asked again after an answer is read by
 * comparing it with the visitor's earlier messages; thanks count as a resolution only after an answer, and not
 * when more follows ("thanks, and how long does shipping take?").
 */
record Cues(
        boolean person, boolean personNegated, boolean contact, boolean personContact, boolean personRequest,
        boolean barePerson, boolean botContrast, boolean thirdParty, boolean requestNegated,
        boolean frustration, boolean repetitionComplaint, boolean profanity, boolean shouting, boolean exclamations,
        boolean interrobang, boolean repeatedQuestion, double repeatSimilarity,
        boolean gratitude, boolean resolved, boolean resolvedNegated, boolean more, boolean question,
        boolean greeting, boolean capability, boolean farewell, boolean affirmation, boolean negation,
        boolean afterAnswer, boolean answeredBefore, int tokens, SmallTalk smallTalk, boolean angryEmoji,
        boolean happyEmoji, boolean doubleQuestion, boolean repeatedWord, List<String> requestWords,
        List<String> frustrationWords) {

    /** Faces and signs of anger or contempt: read the same in every language. */
    private static final String ANGRY_EMOJI = "😠😡🤬😤🙄👎💢😒😑🤦😩😫😖😣🤯";
    /** Faces and signs of joy or thanks. */
    private static final String HAPPY_EMOJI = "😀😃😄😁😊🙂😍🥰👍🙏❤🎉😎🤩😉🥳💪✨👌😌🤗";

    /** Any word, mark or rule finding of annoyance: the evidence frustration needs besides the wording. */
    boolean anyFrustrationCue() {
        return frustration || repetitionComplaint || profanity || shouting || exclamations || interrobang || doubleQuestion
                || angryEmoji || repeatedQuestion || repeatedWord;
    }

    /** How far before a cue (in tokens, same clause) a negation reaches. */
    static final int NEGATION_REACH = 4;
    /** How far apart a person and a contact word may stand in one clause to form a request. */
    static final int REQUEST_REACH = 7;

    static Cues read(String text, Folded folded, Language language, Lexicon lexicon, List<Turn> history) {
        List<Hit> negations = lexicon.find(folded, Cue.NEGATION);
        List<Hit> persons = lexicon.find(folded, Cue.PERSON);
        List<Hit> contacts = lexicon.find(folded, Cue.CONTACT);
        List<Hit> requests = lexicon.find(folded, Cue.REQUEST);
        List<Hit> bots = lexicon.find(folded, Cue.BOT);
        List<Hit> more = lexicon.find(folded, Cue.MORE);
        List<Hit> thirdParties = lexicon.find(folded, Cue.THIRD_PARTY);
        List<String> evidence = new ArrayList<>();
        List<String> angryWords = new ArrayList<>();

        List<Hit> freePersons = new ArrayList<>();
        boolean personNegated = false;
        for (Hit p : persons) {
            if (negated(folded, p, negations, more)) {
                personNegated = true;
            }
            else {
                freePersons.add(p);
            }
        }
        List<Hit> freeContacts = contacts.stream().filter(c -> !negated(folded, c, negations, more)).toList();
        boolean contactNegated = freeContacts.size() < contacts.size();
        boolean personContact = false;
        boolean personRequest = false;
        for (Hit p : freePersons) {
            for (Hit c : freeContacts) {
                if (near(folded, p, c, REQUEST_REACH)) {
                    personContact = true;
                    evidence.add(span(folded, Math.min(p.start(), c.start()), Math.max(p.end(), c.end())));
                }
            }
            for (Hit r : requests) {
                if (near(folded, p, r, REQUEST_REACH) && !negated(folded, r, negations, more)) {
                    personRequest = true;
                }
            }
        }
        boolean thirdParty = false;
        for (Hit t : thirdParties) {
            for (Hit p : persons) {
                if (near(folded, t, p, REQUEST_REACH)) {
                    thirdParty = true;
                }
            }
        }
        boolean barePerson = !freePersons.isEmpty() && covered(folded, lexicon, persons);
        if (barePerson) {
            evidence.add(folded.words());
        }
        boolean botContrast = false;
        for (Hit b : bots) {
            if (negated(folded, b, negations, more) || !freePersons.isEmpty()) {
                botContrast = true;
            }
        }

        List<Hit> frustrations = lexicon.find(folded, Cue.FRUSTRATION);
        boolean frustration = false;
        for (Hit f : frustrations) {
            if (!negated(folded, f, negations, more)) {
                frustration = true;
                angryWords.add(span(folded, f.start(), f.end()));
            }
        }
        boolean repetitionComplaint = lexicon.any(folded, Cue.REPETITION);
        boolean profanity = lexicon.any(folded, Cue.PROFANITY);
        List<Hit> resolvedHits = lexicon.find(folded, Cue.RESOLVED);
        boolean resolved = false;
        boolean resolvedNegated = false;
        for (Hit r : resolvedHits) {
            if (negated(folded, r, negations, more)) {
                resolvedNegated = true;
            }
            else {
                resolved = true;
            }
        }

        boolean afterAnswer = !history.isEmpty() && history.get(history.size() - 1).speaker() != Turn.Speaker.VISITOR;
        boolean answeredBefore = history.stream().anyMatch(t -> t.speaker() != Turn.Speaker.VISITOR);
        double repeat = repeatSimilarity(folded, language, history);
        // "I don't want to talk to anyone": the request words are there, but negated, and nothing else asks
        boolean requestNegated = (personNegated || contactNegated) && !personContact && !barePerson && !botContrast;
        return new Cues(!freePersons.isEmpty(), personNegated, !freeContacts.isEmpty(), personContact, personRequest,
                barePerson, botContrast, thirdParty, requestNegated, frustration, repetitionComplaint, profanity, shouting(text),
                text.contains("!!!"), text.matches("(?s).*(\\?+!+|!+\\?+).*"), repeat >= 0.7, repeat,
                lexicon.any(folded, Cue.GRATITUDE), resolved, resolvedNegated, !more.isEmpty(), text.contains("?"),
                lexicon.any(folded, Cue.GREETING), lexicon.any(folded, Cue.CAPABILITY), lexicon.any(folded, Cue.FAREWELL),
                lexicon.any(folded, Cue.AFFIRMATION), !negations.isEmpty(), afterAnswer, answeredBefore, folded.size(),
                smallTalk(text, folded, lexicon), containsAny(text, ANGRY_EMOJI), containsAny(text, HAPPY_EMOJI),
                text.contains("??"), repeatedWord(folded), evidence.stream().distinct().toList(),
                angryWords.stream().distinct().toList());
    }

    /** A negation shortly before the cue, in its clause, with no "but"/"also" in between. */
    private static boolean negated(Folded text, Hit cue, List<Hit> negations, List<Hit> breakers) {
        for (Hit n : negations) {
            if (n.end() <= cue.start() && cue.start() - n.end() < NEGATION_REACH && text.sameClause(n.start(), cue.start())) {
                boolean broken = false;
                for (Hit b : breakers) {
                    broken |= b.start() >= n.end() && b.end() <= cue.start();
                }
                if (!broken) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean near(Folded text, Hit a, Hit b, int reach) {
        int gap = a.start() >= b.end() ? a.start() - b.end() : b.start() - a.end();
        return gap <= reach && text.sameClause(a.start(), b.start());
    }

    /**
     * The message is little more than a person word: "agent", "human pls", "real person now!!": every token is
     * part of a person, request, greeting or affirmation cue, or a short filler word.
     */
    private static boolean covered(Folded text, Lexicon lexicon, List<Hit> persons) {
        if (text.size() > 6) {
            return false;
        }
        boolean[] covered = new boolean[text.size()];
        List<Hit> fillers = new ArrayList<>(persons);
        for (Cue cue : List.of(Cue.REQUEST, Cue.GREETING, Cue.AFFIRMATION)) {
            fillers.addAll(lexicon.find(text, cue));
        }
        for (Hit hit : fillers) {
            for (int i = hit.start(); i < hit.end(); i++) {
                covered[i] = true;
            }
        }
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i] && text.tokens()[i].length() > 3) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kind of small talk the message is, when it is nothing else: every word belongs to a greeting,
     * capability question, farewell, thanks, acknowledgement or bot cue, or is a short filler ("hi, how are you?").
     */
    private static SmallTalk smallTalk(String text, Folded folded, Lexicon lexicon) {
        if (folded.size() == 0 || folded.size() > 12) {
            return null;
        }
        Map<Cue, List<Hit>> hits = new EnumMap<>(Cue.class);
        boolean[] covered = new boolean[folded.size()];
        for (Cue cue : List.of(Cue.CAPABILITY, Cue.GREETING, Cue.FAREWELL, Cue.GRATITUDE, Cue.AFFIRMATION, Cue.BOT,
                Cue.REQUEST)) {
            List<Hit> found = lexicon.find(folded, cue);
            hits.put(cue, found);
            for (Hit hit : found) {
                for (int i = hit.start(); i < hit.end(); i++) {
                    covered[i] = true;
                }
            }
        }
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i] && folded.tokens()[i].length() > 3) {
                return null;
            }
        }
        if (!hits.get(Cue.CAPABILITY).isEmpty()) {
            return SmallTalk.CAPABILITIES;
        }
        if (!hits.get(Cue.BOT).isEmpty()) {
            return text.contains("?") ? SmallTalk.IDENTITY : null;
        }
        if (!hits.get(Cue.GREETING).isEmpty()) {
            return SmallTalk.GREETING;
        }
        if (!hits.get(Cue.FAREWELL).isEmpty()) {
            return SmallTalk.FAREWELL;
        }
        if (!hits.get(Cue.GRATITUDE).isEmpty()) {
            return SmallTalk.THANKS;
        }
        if (!hits.get(Cue.AFFIRMATION).isEmpty()) {
            return SmallTalk.ACKNOWLEDGEMENT;
        }
        return null;
    }

    private static boolean containsAny(String text, String characters) {
        return characters.codePoints().anyMatch(c -> text.indexOf(Character.toString(c)) >= 0);
    }

    /** The same word three times: "human human HUMAN", "hello? hello? hello?". */
    private static boolean repeatedWord(Folded folded) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String token : folded.tokens()) {
            if (token.length() > 2 && counts.merge(token, 1, Integer::sum) >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Mostly capital letters over several words: "WHY IS THIS NOT WORKING". */
    static boolean shouting(String text) {
        int upper = 0;
        int lower = 0;
        int capitalWords = 0;
        for (String word : text.split("\\s+")) {
            int wordUpper = 0;
            int wordLetters = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isLetter(c)) {
                    wordLetters++;
                    if (Character.isUpperCase(c)) {
                        wordUpper++;
                    }
                }
            }
            upper += wordUpper;
            lower += wordLetters - wordUpper;
            if (wordLetters >= 2 && wordUpper == wordLetters) {
                capitalWords++;
            }
        }
        return capitalWords >= 3 && upper >= 10 && upper >= 4 * lower;
    }

    /**
     * How much this message repeats one of the visitor's earlier messages that was answered: the share of its content
     * words (stems, stop words left out) that the earlier message had too (of the shorter of the two); 0 when
     * nothing was answered. "again: how much to ship to Canada??" repeats "how much does shipping to Canada cost".
     */
    private static double repeatSimilarity(Folded text, Language language, List<Turn> history) {
        Set<String> words = contentWords(text, language);
        if (words.size() < 2) {
            return 0;
        }
        double best = 0;
        boolean answeredSince = false;
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn turn = history.get(i);
            if (turn.speaker() != Turn.Speaker.VISITOR) {
                answeredSince = true;
                continue;
            }
            if (!answeredSince) {
                continue;
            }
            Set<String> earlier = contentWords(Folded.of(turn.text()), language);
            if (earlier.size() < 2) {
                continue;
            }
            Set<String> common = new HashSet<>(words);
            common.retainAll(earlier);
            best = Math.max(best, (double) common.size() / Math.min(words.size(), earlier.size()));
        }
        return best;
    }

    private static Set<String> contentWords(Folded text, Language language) {
        Set<String> words = new HashSet<>();
        for (String stem : Stemming.stems(text.tokens(), language)) {
            if (stem.length() > 2) {
                words.add(stem);
            }
        }
        return words;
    }

    private static String span(Folded text, int start, int end) {
        return String.join(" ", List.of(text.tokens()).subList(start, end));
    }
}
