package com.supportchat.ai.knowledge;

import java.util.List;

/** What an admin writes: the command to create or replace an article. Validated by the web layer. */
public record ArticleDraft(String title, String content, ArticleFormat format, List<String> tags) {

    public ArticleDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        format = format == null ? ArticleFormat.MARKDOWN : format;
    }
}
