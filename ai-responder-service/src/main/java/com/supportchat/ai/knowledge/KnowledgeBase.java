package com.supportchat.ai.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.supportchat.ai.understanding.Language;
import com.supportchat.ai.understanding.SentenceEncoder;
import com.supportchat.ai.understanding.Understanding;
import com.supportchat.events.ArticleChanged;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The knowledge base of each org. A change commits the article row, its passages' sentence embeddings and an
 * {@link ArticleChanged} outbox row together; the embeddings are computed before the transaction (CPU, off the
 * event loop), so no instance recomputes them at start. This instance reindexes at once, every other instance
 * when it consumes {@code article-changed}, from the stored embeddings.
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final ArticleRepository articles;
    private final ChunkVectors chunkVectors;
    private final KnowledgeIndex index;
    private final Understanding understanding;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    KnowledgeBase(ArticleRepository articles, ChunkVectors chunkVectors, KnowledgeIndex index, Understanding understanding,
            Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.articles = articles;
        this.chunkVectors = chunkVectors;
        this.index = index;
        this.understanding = understanding;
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
        return prepare(article)
            .flatMap(indexed -> tx.transactional(articles.insert(article)
                .flatMap(saved -> store(saved, indexed)
                    .then(outbox.publish(new ArticleChanged(saved.id(), orgId, false, now)))
                    .thenReturn(withArticle(indexed, saved)))))
            .flatMap(indexed -> reindexQuietly(index.put(indexed)).thenReturn(indexed.article()));
    }

    /** The replaced article, or empty when it does not exist in this org. */
    public Mono<Article> update(String orgId, String id, ArticleDraft draft) {
        Instant now = now();
        Article draftArticle = new Article(id, orgId, draft.title(), draft.content(), draft.format(), draft.tags(), now, now);
        return prepare(draftArticle)
            .flatMap(indexed -> tx.transactional(articles.update(orgId, id, draft, now)
                .flatMap(saved -> store(saved, indexed)
                    .then(outbox.publish(new ArticleChanged(saved.id(), orgId, false, now)))
                    .thenReturn(withArticle(indexed, saved)))))
            .flatMap(indexed -> reindexQuietly(index.put(indexed)).thenReturn(indexed.article()));
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
            .flatMap(article -> indexed(article).flatMap(index::put).thenReturn(true))
            .switchIfEmpty(Mono.defer(() -> index.remove(orgId, articleId).thenReturn(true)))
            .then();
    }

    /** Indexes every article of every org; run once at start. */
    public Mono<Long> rebuild() {
        return articles.findAll().concatMap(article -> indexed(article).flatMap(index::put).thenReturn(article)).count();
    }

    public Mono<List<Passage>> search(String orgId, SearchQuery query, int limit) {
        return index.search(orgId, query, limit);
    }

    /** The article ready to index, from its stored embeddings, or with new ones (stored) when they do not fit. */
    private Mono<KnowledgeIndex.IndexedArticle> indexed(Article article) {
        return chunkVectors.find(article.id()).flatMap(stored -> {
            List<Chunk> chunks = Chunker.chunk(article.content(), article.format());
            if (ChunkVectors.usable(stored, article.title(), chunks, SentenceEncoder.MODEL)) {
                return understanding.reader()
                    .map(reader -> new KnowledgeIndex.IndexedArticle(article, reader.languageOf(article.content()),
                            chunks, stored.stream().map(ChunkVectors.Stored::vector).toList(),
                            stored.stream().map(ChunkVectors.Stored::sentences).toList()));
            }
            log.info("Computing the passage embeddings of article {} (new, changed chunking or model)", article.id());
            return prepare(article).flatMap(indexed -> store(article, indexed).thenReturn(indexed));
        });
    }

    /** Chunks, language and passage embeddings of an article (CPU-bound: on boundedElastic). */
    private Mono<KnowledgeIndex.IndexedArticle> prepare(Article article) {
        return Mono.zip(understanding.encoder(), understanding.reader())
            .publishOn(Schedulers.boundedElastic())
            .map(models -> embed(article, models.getT1(), models.getT2().languageOf(article.content())));
    }

    /** An article's passages and their sentences, embedded (CPU-bound: milliseconds per passage). */
    public static KnowledgeIndex.IndexedArticle embed(Article article, SentenceEncoder encoder, Language language) {
        List<Chunk> chunks = Chunker.chunk(article.content(), article.format());
        List<float[]> vectors = new ArrayList<>(chunks.size());
        List<List<float[]>> sentences = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            vectors.add(encoder.embed(embeddingText(article.title(), chunk)));
            sentences.add(Sentences.of(chunk.text()).stream()
                .map(sentence -> encoder.embed(sentenceText(chunk, sentence)))
                .toList());
        }
        return new KnowledgeIndex.IndexedArticle(article, language, chunks, vectors, sentences);
    }

    private Mono<Void> store(Article article, KnowledgeIndex.IndexedArticle indexed) {
        return chunkVectors.replace(article.id(), article.orgId(), article.title(), SentenceEncoder.MODEL,
                indexed.chunks(), indexed.vectors(), indexed.sentenceVectors());
    }

    private static KnowledgeIndex.IndexedArticle withArticle(KnowledgeIndex.IndexedArticle indexed, Article saved) {
        return new KnowledgeIndex.IndexedArticle(saved, indexed.language(), indexed.chunks(), indexed.vectors(),
                indexed.sentenceVectors());
    }

    /** What a passage's embedding is computed from: it reads best with the article's title and its heading. */
    public static String embeddingText(String title, Chunk chunk) {
        return title + "\n" + (chunk.heading().isBlank() ? "" : chunk.heading() + "\n") + chunk.text();
    }

    /** What a sentence's embedding is computed from: the sentence under its heading. */
    static String sentenceText(Chunk chunk, String sentence) {
        return chunk.heading().isBlank() ? sentence : chunk.heading() + ": " + sentence;
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
