package com.supportchat.ai.knowledge;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import com.supportchat.events.ArticleChanged;
import com.supportchat.events.Topics;
import com.supportchat.messaging.InboundEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's in-memory index in step with the others. Every instance consumes with its own group
 * (a random id), from the latest offset: history is covered by the rebuild at start. {@code observe}, not
 * {@code apply}: the processed-event record is shared by all instances through the database, and each of
 * them must apply every change.
 */
@Component
class ArticleChangedListener {

    private final InboundEvents inbound;
    private final KnowledgeBase knowledgeBase;

    ArticleChangedListener(InboundEvents inbound, KnowledgeBase knowledgeBase) {
        this.inbound = inbound;
        this.knowledgeBase = knowledgeBase;
    }

    @KafkaListener(topics = Topics.ARTICLE_CHANGED, groupId = "ai-responder-index-${random.uuid}",
            properties = "auto.offset.reset=latest")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.observe(record, "ai-responder.article-index", event -> {
            ArticleChanged changed = event.data(ArticleChanged.class);
            return knowledgeBase.refresh(changed.orgId(), changed.articleId());
        });
    }
}
