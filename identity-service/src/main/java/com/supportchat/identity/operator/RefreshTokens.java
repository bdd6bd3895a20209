package com.supportchat.identity.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import com.supportchat.identity.secret.Secrets;
import com.supportchat.resourceserver.Problem;

/**
 * The console's refresh tokens. Access tokens live 15 minutes; the console keeps its session with a refresh token
 * in an httpOnly cookie, exchanged for a new access token (and a new refresh token) when the old one runs out.
 *
 * <ul>
 * <li><b>Rotation</b>: every use replaces the token; the old one is marked replaced.</li>
 * <li><b>Reuse detection</b>: a replaced token presented again means two parties hold it (one stole it): the whole
 * family (that login) is revoked, the thief's and the owner's alike.</li>
 * <li><b>Revocation</b>: logout revokes the family; deactivating or demoting an operator revokes every family of
 * that operator, so the next refresh (within 15 minutes) fails or carries the new role.</li>
 * </ul>
 * Only the SHA-256 of a token is stored: a copy of the table opens nothing.
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final LoginProperties properties;
    private final Clock clock;

    RefreshTokens(DatabaseClient db, TransactionalOperator tx, LoginProperties properties, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a refresh gives: whose token it was, and the token that replaces it. */
    record Rotation(UUID operatorId, UUID orgId, String token) {

        @Override
        public String toString() {
            return "Rotation[operatorId=" + operatorId + "]";
        }
    }

    /** A new family (a login) with its first token. */
    Mono<String> issue(Operator operator) {
        return insert(UUID.randomUUID(), operator.id(), operator.orgId());
    }

    /** Replaces {@code token} with a new one of the same family; 401 when it is unknown, expired, revoked or reused. */
    Mono<Rotation> rotate(String token) {
        Instant now = clock.instant();
        return tx.transactional(db.sql("""
                SELECT family_id, operator_id, org_id, expires_at, replaced_at, revoked_at
                FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""")
            .bind("hash", Secrets.sha256(token))
            .map((row, meta) -> new Stored(row.get("family_id", UUID.class), row.get("operator_id", UUID.class),
                    row.get("org_id", UUID.class), row.get("expires_at", OffsetDateTime.class).toInstant(),
                    row.get("replaced_at", OffsetDateTime.class) != null, row.get("revoked_at", OffsetDateTime.class) != null))
            .one()
            .switchIfEmpty(Mono.error(RefreshTokens::refused))
            .flatMap(stored -> {
                if (stored.revoked() || stored.expiresAt().isBefore(now)) {
                    return Mono.error(refused());
                }
                if (stored.replaced()) {
                    log.warn("A replaced refresh token of operator {} was presented again: its login is revoked",
                            stored.operatorId());
                    return Mono.error(new ReuseRevocation(stored.familyId()));
                }
                return db.sql("UPDATE refresh_tokens SET replaced_at = :now WHERE token_hash = :hash")
                    .bind("now", now).bind("hash", Secrets.sha256(token)).then()
                    .then(insert(stored.familyId(), stored.operatorId(), stored.orgId()))
                    .map(next -> new Rotation(stored.operatorId(), stored.orgId(), next));
            }))
            // a reuse revokes the family in its own transaction: the refusal must not roll it back
            .onErrorResume(ReuseRevocation.class, reuse -> revokeFamily(reuse.familyId).then(Mono.error(refused())));
    }

    /** Logout: the token's family ends; unknown tokens are ignored (logging out twice is fine). */
    Mono<Void> revoke(String token) {
        return db.sql("""
                UPDATE refresh_tokens SET revoked_at = :now
                WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash) AND revoked_at IS NULL""")
            .bind("now", clock.instant())
            .bind("hash", Secrets.sha256(token))
            .then();
    }

    /** Every login of the operator ends (deactivated or demoted). */
    Mono<Long> revokeAll(UUID operatorId) {
        return db.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE operator_id = :operator AND revoked_at IS NULL")
            .bind("now", clock.instant())
            .bind("operator", operatorId)
            .fetch()
            .rowsUpdated();
    }

    /** Rows no one can use any more (expired a day ago). */
    Mono<Long> prune() {
        return db.sql("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
            .bind("cutoff", clock.instant().minus(Duration.ofDays(1)))
            .fetch()
            .rowsUpdated();
    }

    Duration lifetime() {
        return properties.refreshTokenTtl();
    }

    private Mono<Void> revokeFamily(UUID familyId) {
        return db.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
            .bind("now", clock.instant())
            .bind("family", familyId)
            .then();
    }

    private Mono<String> insert(UUID familyId, UUID operatorId, UUID orgId) {
        String token = Secrets.random("rt_", 32);
        Instant now = clock.instant();
        return db.sql("""
                INSERT INTO refresh_tokens (id, family_id, operator_id, org_id, token_hash, created_at, expires_at)
                VALUES (:id, :family, :operator, :org, :hash, :now, :expires)""")
            .bind("id", UUID.randomUUID())
            .bind("family", familyId)
            .bind("operator", operatorId)
            .bind("org", orgId)
            .bind("hash", Secrets.sha256(token))
            .bind("now", now)
            .bind("expires", now.plus(properties.refreshTokenTtl()))
            .then()
            .thenReturn(token);
    }

    static Problem refused() {
        return Problem.unauthorized("The session has ended; log in again");
    }

    private record Stored(UUID familyId, UUID operatorId, UUID orgId, Instant expiresAt, boolean replaced,
            boolean revoked) {
    }

    private static final class ReuseRevocation extends RuntimeException {

        private final UUID familyId;

        ReuseRevocation(UUID familyId) {
            super(null, null, false, false);
            this.familyId = familyId;
        }
    }
}
