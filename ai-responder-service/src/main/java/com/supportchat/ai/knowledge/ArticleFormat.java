package com.supportchat.ai.knowledge;

import java.util.Locale;

/** How an article's content is written. */
public enum ArticleFormat {
    MARKDOWN, TEXT, HTML;

    /** The wire name: {@code markdown}, {@code text}, {@code html}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; unknown names are an {@link IllegalArgumentException}. */
    public static ArticleFormat fromWire(String name) {
        if (name == null) {
            return MARKDOWN;
        }
        for (ArticleFormat format : values()) {
            if (format.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be one of markdown, text, html");
    }
}
