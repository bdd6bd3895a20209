package com.supportchat.identity.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.resourceserver.Problem;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and authenticates API keys. Every management query is scoped to the caller's
 * org, so another org's key id is simply not found.
 */
@Service
public class ApiKeys {

    private static final String COLUMNS = "id, org_id, name, prefix, scopes, created_at, revoked_at";

    private final DatabaseClient db;
    private final Clock clock;

    ApiKeys(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<CreatedApiKey> create(UUID orgId, String name, List<String> scopes) {
        List<String> unknown = scopes.stream().filter(scope -> !Scopes.ALL.contains(scope)).toList();
        if (!unknown.isEmpty()) {
            return Mono.error(Problem.validation("scopes: unknown scope(s) " + unknown + "; known: " + Scopes.ALL));
        }
        String secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), orgId, name, ApiKeySecret.prefixOf(secret),
                scopes.stream().distinct().toList(), clock.instant(), null);
        return db.sql("""
                INSERT INTO api_keys (id, org_id, name, prefix, secret_hash, scopes, created_at)
                VALUES (:id, :org, :name, :prefix, :hash, :scopes, :createdAt)""")
            .bind("id", key.id())
            .bind("org", orgId)
            .bind("name", name)
            .bind("prefix", key.prefix())
            .bind("hash", ApiKeySecret.hashOf(secret))
            .bind("scopes", key.scopes().toArray(String[]::new))
            .bind("createdAt", key.createdAt())
            .then()
            .thenReturn(new CreatedApiKey(key, secret));
    }

    public Flux<ApiKey> list(UUID orgId) {
        return db.sql("SELECT " + COLUMNS + " FROM api_keys WHERE org_id = :org ORDER BY created_at DESC, id")
            .bind("org", orgId)
            .map(ApiKeys::apiKey)
            .all();
    }

    public Mono<ApiKey> find(UUID orgId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM api_keys WHERE org_id = :org AND id = :id")
            .bind("org", orgId)
            .bind("id", id)
            .map(ApiKeys::apiKey)
            .one()
            .switchIfEmpty(Mono.error(() -> Problem.notFound("No API key " + id)));
    }

    /** Revokes the key; revoking a revoked key keeps its first revocation time. */
    public Mono<ApiKey> revoke(UUID orgId, UUID id) {
        return db.sql("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :now) WHERE org_id = :org AND id = :id RETURNING " + COLUMNS)
            .bind("now", clock.instant())
            .bind("org", orgId)
            .bind("id", id)
            .map(ApiKeys::apiKey)
            .one()
            .switchIfEmpty(Mono.error(() -> Problem.notFound("No API key " + id)));
    }

    /** Revokes every live key of the org with this name (the demo seeder's key rotation). */
    public Mono<Void> revokeNamed(UUID orgId, String name) {
        return db.sql("UPDATE api_keys SET revoked_at = :now WHERE org_id = :org AND name = :name AND revoked_at IS NULL")
            .bind("now", clock.instant())
            .bind("org", orgId)
            .bind("name", name)
            .then();
    }

    /**
     * The live key behind an {@code Authorization: Bearer <secret>} header that holds {@code scope}.
     * Missing, unknown and revoked keys are all the same 401; a valid key without the scope is 403.
     */
    public Mono<ApiKey> authenticate(String authorization, String scope) {
        String secret = bearer(authorization);
        if (secret == null) {
            return Mono.error(() -> Problem.unauthorized("An API key is required: Authorization: Bearer <api key>"));
        }
        return db.sql("SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = :hash")
            .bind("hash", ApiKeySecret.hashOf(secret))
            .map(ApiKeys::apiKey)
            .one()
            .filter(key -> !key.revoked())
            .switchIfEmpty(Mono.error(() -> Problem.unauthorized("The API key is unknown or revoked")))
            .flatMap(key -> key.grants(scope) ? Mono.just(key)
                    : Mono.error(Problem.forbidden("The API key lacks the scope " + scope)));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String secret = authorization.substring(7).trim();
        return secret.isEmpty() ? null : secret;
    }

    private static ApiKey apiKey(Readable row) {
        String[] scopes = row.get("scopes", String[].class);
        return new ApiKey(row.get("id", UUID.class), row.get("org_id", UUID.class), row.get("name", String.class),
                row.get("prefix", String.class), scopes == null ? List.of() : Arrays.asList(scopes),
                row.get("created_at", Instant.class), row.get("revoked_at", Instant.class));
    }
}
