package com.supportchat.events;

import java.time.Instant;

/** A knowledge-base article was created, updated ({@code deleted} false) or deleted. */
public record ArticleChanged(
        String articleId,
        String orgId,
        boolean deleted,
        Instant changedAt) implements PublishedEvent {

    public static final String TYPE = "com.supportchat.ai.article-changed.v1";

    @Override
    public String topic() {
        return Topics.ARTICLE_CHANGED;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return orgId;
    }
}
