package com.supportchat.ai.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.events.ArticleChanged;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The knowledge base of each org. A change commits the article row and an {@link ArticleChanged} outbox row
 * together; this instance reindexes at once, every other instance when it consumes {@code article-changed}.
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final ArticleRepository articles;
    private final KnowledgeIndex index;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    KnowledgeBase(ArticleRepository articles, KnowledgeIndex index, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.articles = articles;
        this.index = index;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Article> list(String orgId) {
        return articles.findByOrg(orgId);
    }

    /** The article, or empty when it does not exist in this org. */
    public Mono<Article> get(String orgId, String id) {
        return articles.find(orgId, id);
    }

    public Mono<Article> create(String orgId, ArticleDraft draft) {
        Instant now = now();
        Article article = new Article(UUID.randomUUID().toString(), orgId, draft.title(), draft.content(), draft.format(),
                draft.tags(), now, now);
        return tx.transactional(articles.insert(article)
                .flatMap(saved -> outbox.publish(new ArticleChanged(saved.id(), orgId, false, now)).thenReturn(saved)))
            .flatMap(saved -> reindexQuietly(index.put(saved)).thenReturn(saved));
    }

    /** The replaced article, or empty when it does not exist in this org. */
    public Mono<Article> update(String orgId, String id, ArticleDraft draft) {
        Instant now = now();
        return tx.transactional(articles.update(orgId, id, draft, now)
                .flatMap(saved -> outbox.publish(new ArticleChanged(saved.id(), orgId, false, now)).thenReturn(saved)))
            .flatMap(saved -> reindexQuietly(index.put(saved)).thenReturn(saved));
    }

    /** True when the article existed in this org and is now gone. */
    public Mono<Boolean> delete(String orgId, String id) {
        Instant now = now();
        return tx.transactional(articles.delete(orgId, id)
                .flatMap(deleted -> deleted
                        ? outbox.publish(new ArticleChanged(id, orgId, true, now)).thenReturn(true)
                        : Mono.just(false)))
            .flatMap(deleted -> deleted ? reindexQuietly(index.remove(orgId, id)).thenReturn(true) : Mono.just(false));
    }

    /** Brings this instance's index in step with the database for one article (after an article-changed event). */
    public Mono<Void> refresh(String orgId, String articleId) {
        return articles.find(orgId, articleId)
            .flatMap(article -> index.put(article).thenReturn(true))
            .switchIfEmpty(Mono.defer(() -> index.remove(orgId, articleId).thenReturn(true)))
            .then();
    }

    /** Indexes every article of every org; run once at start. */
    public Mono<Long> rebuild() {
        return articles.findAll().concatMap(article -> index.put(article).thenReturn(article)).count();
    }

    public Mono<List<Passage>> search(String orgId, String query, int limit) {
        return index.search(orgId, query, limit);
    }

    /** The database is the truth; a failed index write is logged and repaired by the next change or restart. */
    private static Mono<Void> reindexQuietly(Mono<Void> indexing) {
        return indexing.onErrorResume(ex -> {
            log.warn("Knowledge index update failed: {}", ex.toString());
            return Mono.empty();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
