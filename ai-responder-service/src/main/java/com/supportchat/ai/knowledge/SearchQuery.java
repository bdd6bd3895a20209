package com.supportchat.ai.knowledge;

import com.supportchat.ai.understanding.Language;

/**
 * What a visitor asked, ready to search: the text, its language and its sentence embedding (null: words only).
 */
public record SearchQuery(String text, Language language, float[] embedding) {

    public SearchQuery {
        language = language == null ? Language.EN : language;
    }
}
