package com.supportchat.identity.org;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.identity.secret.Secrets;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Orgs and widget tokens in the database. */
@Repository
public class Orgs {

    private final DatabaseClient db;

    Orgs(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Org> find(UUID orgId) {
        return db.sql("SELECT * FROM orgs WHERE id = :id").bind("id", orgId).map(Orgs::org).one();
    }

    public Mono<Org> findBySlug(String slug) {
        return db.sql("SELECT * FROM orgs WHERE slug = :slug").bind("slug", slug).map(Orgs::org).one();
    }

    /**
     * Creates the org unless one with the slug exists, then updates name and allowed origins; answers the
     * org either way. Safe to run concurrently for the same slug.
     */
    public Mono<Org> upsertBySlug(String name, String slug, List<String> allowedOrigins) {
        return db.sql("""
                INSERT INTO orgs (id, name, slug, allowed_origins) VALUES (:id, :name, :slug, :origins)
                ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, allowed_origins = EXCLUDED.allowed_origins
                RETURNING *""")
            .bind("id", UUID.randomUUID())
            .bind("name", name)
            .bind("slug", slug)
            .bind("origins", allowedOrigins.toArray(String[]::new))
            .map(Orgs::org)
            .one();
    }

    public Mono<WidgetToken> findWidgetToken(String token) {
        return db.sql("SELECT token, org_id, allowed_origins FROM widget_tokens WHERE token = :token AND revoked_at IS NULL")
            .bind("token", token)
            .map(Orgs::widgetToken)
            .one();
    }

    /** The org's oldest live widget token, created with the org's allowed origins when it has none. */
    public Mono<WidgetToken> widgetTokenOf(Org org) {
        Mono<WidgetToken> existing = db.sql("""
                SELECT token, org_id, allowed_origins FROM widget_tokens
                WHERE org_id = :org AND revoked_at IS NULL ORDER BY created_at, token LIMIT 1""")
            .bind("org", org.id())
            .map(Orgs::widgetToken)
            .one();
        return existing
            .flatMap(token -> db.sql("UPDATE widget_tokens SET allowed_origins = :origins WHERE token = :token")
                .bind("origins", org.allowedOrigins().toArray(String[]::new))
                .bind("token", token.token())
                .then()
                .thenReturn(new WidgetToken(token.token(), org.id(), org.allowedOrigins())))
            .switchIfEmpty(Mono.defer(() -> {
                WidgetToken created = new WidgetToken(Secrets.random("wt_", 18), org.id(), org.allowedOrigins());
                return db.sql("INSERT INTO widget_tokens (token, org_id, allowed_origins) VALUES (:token, :org, :origins)")
                    .bind("token", created.token())
                    .bind("org", created.orgId())
                    .bind("origins", created.allowedOrigins().toArray(String[]::new))
                    .then()
                    .thenReturn(created);
            }));
    }

    public Flux<WidgetToken> allWidgetTokens() {
        return db.sql("SELECT token, org_id, allowed_origins FROM widget_tokens WHERE revoked_at IS NULL ORDER BY created_at")
            .map(Orgs::widgetToken)
            .all();
    }

    public Mono<Void> setOperatorLabel(UUID orgId, String label) {
        return db.sql("UPDATE orgs SET operator_label = :label WHERE id = :id")
            .bind("label", Parameter.fromOrEmpty(label, String.class))
            .bind("id", orgId)
            .then();
    }

    private static Org org(Readable row) {
        return new Org(row.get("id", UUID.class), row.get("name", String.class), row.get("slug", String.class),
                strings(row.get("allowed_origins", String[].class)), row.get("operator_label", String.class));
    }

    private static WidgetToken widgetToken(Readable row) {
        return new WidgetToken(row.get("token", String.class), row.get("org_id", UUID.class),
                strings(row.get("allowed_origins", String[].class)));
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
