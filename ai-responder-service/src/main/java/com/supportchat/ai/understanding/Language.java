package com.supportchat.ai.understanding;

import java.util.Locale;
import java.util.Optional;

/** The languages the assistant reads and writes. */
public enum Language {
    EN, DE, ES, FR, PT, IT, NL;

    /** ISO 639-1 code, as in the playground's {@code language} and the lexicon file names. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        String base = dash > 0 ? c.substring(0, dash) : c;
        for (Language language : values()) {
            if (language.code().equals(base)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
