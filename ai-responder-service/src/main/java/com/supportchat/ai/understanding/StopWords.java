package com.supportchat.ai.understanding;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

/** Lucene's stop words of each language, folded like messages are ({@link Folded}). */
final class StopWords {

    private static final Map<Language, Set<String>> STOP_WORDS = new EnumMap<>(Language.class);

    static {
        // Lucene's English list is short (33 words); the question and pronoun words of chat messages belong in it too
        STOP_WORDS.put(Language.EN, folded(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, "my", "me", "i", "your", "our", "how",
                "what", "when", "where", "why", "which", "who", "do", "does", "did", "can", "could", "would", "should",
                "you", "we", "us", "he", "she", "him", "her", "them", "have", "has", "had", "am", "been", "from", "about",
                "any", "some", "so", "just", "also", "here", "got", "please", "want", "need", "know", "were", "im", "dont",
                "its", "hi", "hello", "thanks", "yes", "ok"));
        STOP_WORDS.put(Language.DE, folded(GermanAnalyzer.getDefaultStopSet()));
        STOP_WORDS.put(Language.ES, folded(SpanishAnalyzer.getDefaultStopSet()));
        STOP_WORDS.put(Language.FR, folded(FrenchAnalyzer.getDefaultStopSet()));
        STOP_WORDS.put(Language.PT, folded(PortugueseAnalyzer.getDefaultStopSet()));
        STOP_WORDS.put(Language.IT, folded(ItalianAnalyzer.getDefaultStopSet()));
        STOP_WORDS.put(Language.NL, folded(DutchAnalyzer.getDefaultStopSet()));
    }

    private StopWords() {
    }

    static Set<String> of(Language language) {
        return STOP_WORDS.get(language);
    }

    private static Set<String> folded(CharArraySet set, String... more) {
        Set<String> words = new HashSet<>();
        for (Object word : set) {
            String text = word instanceof char[] chars ? new String(chars) : word.toString();
            for (String token : Folded.of(text).tokens()) {
                words.add(token);
            }
        }
        for (String word : more) {
            words.add(word);
        }
        return Set.copyOf(words);
    }
}
