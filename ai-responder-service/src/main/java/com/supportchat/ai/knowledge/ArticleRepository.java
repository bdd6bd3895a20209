package com.supportchat.ai.knowledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Articles in PostgreSQL; every query is scoped to an org. */
@Repository
class ArticleRepository {

    private static final String COLUMNS = "id, org_id, title, content, format, tags, created_at, updated_at";

    private final DatabaseClient db;

    ArticleRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Article> findByOrg(String orgId) {
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE org_id = :org ORDER BY updated_at DESC")
            .bind("org", orgId)
            .map(ArticleRepository::toArticle)
            .all();
    }

    Flux<Article> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM article ORDER BY org_id").map(ArticleRepository::toArticle).all();
    }

    Mono<Article> find(String orgId, String id) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return Mono.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE org_id = :org AND id = :id")
            .bind("org", orgId)
            .bind("id", uuid)
            .map(ArticleRepository::toArticle)
            .one();
    }

    Mono<Article> insert(Article article) {
        return db.sql("""
                INSERT INTO article (id, org_id, title, content, format, tags, created_at, updated_at)
                VALUES (:id, :org, :title, :content, :format, :tags, :createdAt, :updatedAt)""")
            .bind("id", UUID.fromString(article.id()))
            .bind("org", article.orgId())
            .bind("title", article.title())
            .bind("content", article.content())
            .bind("format", article.format().wireName())
            .bind("tags", article.tags().toArray(String[]::new))
            .bind("createdAt", article.createdAt())
            .bind("updatedAt", article.updatedAt())
            .then()
            .thenReturn(article);
    }

    Mono<Article> update(String orgId, String id, ArticleDraft draft, Instant now) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return Mono.empty();
        }
        return db.sql("""
                UPDATE article SET title = :title, content = :content, format = :format, tags = :tags, updated_at = :now
                WHERE org_id = :org AND id = :id
                RETURNING """ + " " + COLUMNS)
            .bind("title", draft.title())
            .bind("content", draft.content())
            .bind("format", draft.format().wireName())
            .bind("tags", draft.tags().toArray(String[]::new))
            .bind("now", now)
            .bind("org", orgId)
            .bind("id", uuid)
            .map(ArticleRepository::toArticle)
            .one();
    }

    Mono<Boolean> delete(String orgId, String id) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return Mono.just(false);
        }
        return db.sql("DELETE FROM article WHERE org_id = :org AND id = :id")
            .bind("org", orgId)
            .bind("id", uuid)
            .fetch()
            .rowsUpdated()
            .map(n -> n > 0);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Article toArticle(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new Article(row.get("id", UUID.class).toString(), row.get("org_id", String.class),
                row.get("title", String.class), row.get("content", String.class),
                ArticleFormat.fromWire(row.get("format", String.class)), tags == null ? List.of() : Arrays.asList(tags),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
