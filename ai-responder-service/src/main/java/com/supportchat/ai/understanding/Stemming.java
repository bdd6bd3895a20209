package com.supportchat.ai.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/** Snowball stems of folded words in each language (Lucene's stemmers), stop words left out. */
public final class Stemming {

    private static final Map<Language, Supplier<SnowballStemmer>> STEMMERS = new EnumMap<>(Map.of(
            Language.EN, EnglishStemmer::new, Language.DE, German2Stemmer::new, Language.ES, SpanishStemmer::new,
            Language.FR, FrenchStemmer::new, Language.PT, PortugueseStemmer::new, Language.IT, ItalianStemmer::new,
            Language.NL, DutchStemmer::new));

    private Stemming() {
    }

    /** The stem of each token; a stop word of the language becomes "" (it keeps its place, but matches nothing). */
    public static List<String> stems(String[] tokens, Language language) {
        SnowballStemmer stemmer = STEMMERS.get(language).get();
        Set<String> stopWords = StopWords.of(language);
        List<String> stems = new ArrayList<>(tokens.length);
        for (String token : tokens) {
            if (stopWords.contains(token)) {
                stems.add("");
                continue;
            }
            stemmer.setCurrent(token);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return stems;
    }
}
