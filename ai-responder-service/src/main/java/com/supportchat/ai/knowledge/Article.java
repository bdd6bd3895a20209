package com.supportchat.ai.knowledge;

import java.time.Instant;
import java.util.List;

/** A knowledge-base article of one org. */
public record Article(String id, String orgId, String title, String content, ArticleFormat format, List<String> tags,
        Instant createdAt, Instant updatedAt) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
