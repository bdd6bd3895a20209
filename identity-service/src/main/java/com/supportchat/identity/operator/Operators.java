package com.supportchat.identity.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.supportchat.events.OperatorAccessChanged;
import com.supportchat.messaging.Outbox;
import com.supportchat.resourceserver.Problem;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Operators of an org. Emails are unique across all orgs (lower-cased), so login needs only email and
 * password. Password hashing (BCrypt) is deliberately slow, so it runs on {@code boundedElastic}.
 */
@Service
public class Operators {

    private static final String COLUMNS = "id, org_id, email, name, role, active, created_at";

    private final DatabaseClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final RefreshTokens refreshTokens;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    /** Compared against when the email is unknown, so unknown and known emails take the same time. */
    private final Mono<String> decoyHash;

    Operators(DatabaseClient db, PasswordEncoder passwords, Clock clock, RefreshTokens refreshTokens, Outbox outbox,
            TransactionalOperator tx) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.tx = tx;
        this.decoyHash = Mono.fromCallable(() -> passwords.encode(UUID.randomUUID().toString()))
            .subscribeOn(Schedulers.boundedElastic())
            .cache();
    }

    /** The active operator with these credentials; any mismatch is the same empty answer. */
    public Mono<Operator> authenticate(String email, String password) {
        return db.sql("SELECT " + COLUMNS + ", password_hash FROM operators WHERE lower(email) = :email")
            .bind("email", normalize(email))
            .map((row, meta) -> new Credentials(operator(row), row.get("password_hash", String.class)))
            .one()
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(found -> found.isEmpty()
                    // one hash comparison either way, so response time does not tell which emails exist
                    ? decoyHash.flatMap(hash -> matches(password, hash)).then(Mono.<Operator>empty())
                    : matches(password, found.get().passwordHash())
                        .filter(ok -> ok && found.get().operator().active())
                        .map(ok -> found.get().operator()));
    }

    public Mono<Operator> create(UUID orgId, String email, String password, String name, Role role) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return Mono.fromCallable(() -> passwords.encode(password))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(hash -> db.sql("""
                    INSERT INTO operators (id, org_id, email, name, role, password_hash, active, created_at, updated_at)
                    VALUES (:id, :org, :email, :name, :role, :hash, TRUE, :now, :now)""")
                .bind("id", id)
                .bind("org", orgId)
                .bind("email", email.trim())
                .bind("name", name.trim())
                .bind("role", role.wire())
                .bind("hash", hash)
                .bind("now", now)
                .then())
            .onErrorMap(ex -> ex instanceof DataIntegrityViolationException && String.valueOf(ex.getMessage()).contains("operators_email"),
                    ex -> Problem.conflict("An operator with this email already exists"))
            .thenReturn(new Operator(id, orgId, email.trim(), name.trim(), role, true, now));
    }

    public Flux<Operator> list(UUID orgId) {
        return db.sql("SELECT " + COLUMNS + " FROM operators WHERE org_id = :org ORDER BY created_at, id")
            .bind("org", orgId)
            .map(Operators::operator)
            .all();
    }

    public Mono<Operator> find(UUID orgId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM operators WHERE org_id = :org AND id = :id")
            .bind("org", orgId)
            .bind("id", id)
            .map(Operators::operator)
            .one()
            .switchIfEmpty(Mono.error(() -> Problem.notFound("No operator " + id)));
    }

    /** Any operator with this email, in any org: for the bootstrap's idempotence check. */
    public Mono<Operator> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM operators WHERE lower(email) = :email")
            .bind("email", normalize(email))
            .map(Operators::operator)
            .one();
    }

    /**
     * Deactivating also cuts the operator's access everywhere: their refresh tokens end, and
     * {@code operator-access-changed} tells every service to refuse their tokens issued until now.
     */
    public Mono<Operator> setActive(UUID orgId, UUID id, boolean active) {
        Mono<Operator> updated = update(orgId, id, "active = :value", active);
        return active ? updated
            : tx.transactional(updated.flatMap(operator -> cutAccess(operator, OperatorAccessChanged.DEACTIVATED)));
    }

    /** A new role cuts the operator's access the same way: their next token, from a fresh login, carries it. */
    public Mono<Operator> changeRole(UUID orgId, UUID id, Role role) {
        return tx.transactional(find(orgId, id).flatMap(before -> update(orgId, id, "role = :value", role.wire())
            .flatMap(after -> before.role() == after.role() ? Mono.just(after)
                : cutAccess(after, OperatorAccessChanged.ROLE_CHANGED))));
    }

    private Mono<Operator> cutAccess(Operator operator, String change) {
        OperatorAccessChanged event = new OperatorAccessChanged(operator.orgId().toString(), operator.id().toString(),
                change, operator.role().wire(), clock.instant());
        return refreshTokens.revokeAll(operator.id()).then(outbox.publish(event)).thenReturn(operator);
    }

    public Mono<Operator> rename(UUID orgId, UUID id, String name) {
        return update(orgId, id, "name = :value", name.trim());
    }

    private Mono<Operator> update(UUID orgId, UUID id, String assignment, Object value) {
        return db.sql("UPDATE operators SET " + assignment + ", updated_at = :now WHERE org_id = :org AND id = :id RETURNING " + COLUMNS)
            .bind("value", value)
            .bind("now", clock.instant())
            .bind("org", orgId)
            .bind("id", id)
            .map(Operators::operator)
            .one()
            .switchIfEmpty(Mono.error(() -> Problem.notFound("No operator " + id)));
    }

    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    private static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static Operator operator(Readable row) {
        return new Operator(row.get("id", UUID.class), row.get("org_id", UUID.class), row.get("email", String.class),
                row.get("name", String.class), Role.fromWire(row.get("role", String.class)),
                Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("created_at", Instant.class));
    }

    private record Credentials(Operator operator, String passwordHash) {
    }
}
