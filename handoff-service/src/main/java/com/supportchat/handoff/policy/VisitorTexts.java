package com.supportchat.handoff.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the visitor is told about a handoff, in the language they write in (the AI service reads it from their
 * messages and sends it with the request), from the data files {@code texts/<language>.properties}; a language
 * without its own file, or a text missing in it, is written in English.
 */
public final class VisitorTexts {

    /** The languages with their own texts (ISO 639-1). */
    public static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "pt", "it", "nl");

    private static final Map<String, VisitorTexts> BY_LANGUAGE = new ConcurrentHashMap<>();

    public static final VisitorTexts ENGLISH = of("en");

    private final Locale locale;
    private final Properties texts;
    private final Properties english;

    private VisitorTexts(String language, Properties texts, Properties english) {
        this.locale = Locale.forLanguageTag(language);
        this.texts = texts;
        this.english = english;
    }

    /** The texts of {@code language} (e.g. "de", "pt-BR"), English when it is unknown or null. */
    public static VisitorTexts of(String language) {
        String code = language == null ? "en" : language.strip().toLowerCase(Locale.ROOT).replaceFirst("[-_].*$", "");
        String known = LANGUAGES.contains(code) ? code : "en";
        return BY_LANGUAGE.computeIfAbsent(known, k -> new VisitorTexts(k, load(k),
                k.equals("en") ? load(k) : ENGLISH.texts));
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... values) {
        String pattern = texts.getProperty(key, english.getProperty(key));
        if (pattern == null) {
            throw new IllegalArgumentException("no visitor text " + key);
        }
        return values.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(values);
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        try (InputStream in = VisitorTexts.class.getResourceAsStream("/texts/" + language + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }
}
