package com.supportchat.ai.knowledge;

import reactor.core.publisher.Mono;

import com.supportchat.events.ArticleChanged;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/**
 * Keeps this instance's in-memory index in step with the others. Every instance consumes with its own group
 * (a random id), from the latest offset: history is covered by the rebuild at start. Observed, not applied exactly
 * once: the processed-event record is shared by all instances through the database, and each of them must apply
 * every change.
 */
@Component
class IndexRefresh {

    private final KnowledgeBase knowledgeBase;

    IndexRefresh(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @EventHandler(topic = Topics.ARTICLE_CHANGED, consumer = "ai-responder.article-index",
            group = "ai-responder-index-${random.uuid}", properties = "auto.offset.reset=latest", observe = true)
    Mono<Void> articleChanged(ArticleChanged changed) {
        return knowledgeBase.refresh(changed.orgId(), changed.articleId());
    }
}
