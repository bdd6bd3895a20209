package com.supportchat.ai.responder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.supportchat.ai.understanding.Language;

/**
 * The assistant's fixed texts in each language it writes, from the data files {@code replies/<language>.properties};
 * a text missing in a language is written in English.
 */
public final class Replies {

    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load(language));
        }
    }

    private Replies() {
    }

    /** The text {@code key} in {@code language}, with {@code values} filled in. */
    public static String text(Language language, String key, Object... values) {
        String pattern = TEXTS.get(language).getProperty(key);
        if (pattern == null) {
            pattern = TEXTS.get(Language.EN).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no reply text " + key);
        }
        return values.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), language.locale())
            .format(values);
    }

    /** "a, b and c" in {@code language}. */
    public static String list(Language language, List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + text(language, "list-and")
                + items.get(items.size() - 1);
    }

    private static Properties load(Language language) {
        Properties texts = new Properties();
        try (InputStream in = Replies.class.getResourceAsStream("/replies/" + language.code() + ".properties")) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return texts;
    }
}
