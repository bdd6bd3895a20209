package com.supportchat.ai.web;

import java.time.Instant;
import java.util.List;

import com.supportchat.ai.knowledge.Article;

record ArticleResponse(String id, String title, String content, String format, List<String> tags, Instant createdAt,
        Instant updatedAt) {

    static ArticleResponse of(Article article) {
        return new ArticleResponse(article.id(), article.title(), article.content(), article.format().wireName(),
                article.tags(), article.createdAt(), article.updatedAt());
    }
}
