package com.supportchat.identity.signing;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.supportchat.identity.secret.Secrets;
import com.supportchat.resourceserver.secrets.SealedColumn;
import com.supportchat.resourceserver.secrets.SecretBox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The RS256 keys, kept in {@code signing_keys} so that restarts and every instance share them. The first
 * instance to find no active key generates one under an advisory lock (so two starting instances do not
 * both create one). Each instance caches the set for {@link TokenProperties#keyCacheTtl()}, and reloads
 * early when asked to verify a {@code kid} it has not seen (a key another instance just rotated in).
 *
 * <p>Private keys are stored sealed ({@link SecretBox}, bound to their {@code kid}); {@link #PRIVATE_KEYS}
 * re-seals old ones at start-up. {@link #rotateIfOlderThan} rotates on a schedule and retires keys that can no
 * longer have signed a valid token.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Advisory lock key for key creation: "signkey" in ASCII. */
    private static final long KEY_LOCK = 0x7369676e6b6579L;
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

    /** The sealed column, each value bound to its key id. */
    public static final SealedColumn PRIVATE_KEYS = new SealedColumn("signing_keys", "kid", "private_key",
            kid -> "signing_keys.private_key|" + kid);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final SecretBox secrets;
    private final Duration cacheTtl;
    private final Clock clock;
    private final AtomicReference<Mono<KeySet>> cache = new AtomicReference<>();
    private volatile Instant lastReload = Instant.EPOCH;

    public SigningKeys(DatabaseClient db, TransactionalOperator tx, SecretBox secrets, Duration cacheTtl, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.secrets = secrets;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
        this.cache.set(cached());
    }

    /** The key every new token is signed with. */
    public Mono<RSAKey> activeKey() {
        return cache.get().map(KeySet::active);
    }

    /** Public keys of every key not retired: what the JWKS lists and what verification accepts. */
    public Mono<List<JWK>> publicKeys() {
        return cache.get().map(KeySet::publicKeys);
    }

    /** Keys to verify a token signed with {@code kid}; reloads (rate-limited) when the kid is unknown. */
    public Mono<List<JWK>> verificationKeys(String kid) {
        return cache.get().flatMap(keys -> keys.knows(kid) || !reloadAllowed() ? Mono.just(keys) : reload())
            .map(KeySet::publicKeys);
    }

    /**
     * Makes a new key the active one. The previous key stays in the JWKS until {@link #retire} so that
     * tokens it signed keep validating until they expire.
     */
    public Mono<String> rotate() {
        return generate()
            .flatMap(key -> tx.transactional(
                    db.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", KEY_LOCK).then()
                        .then(db.sql("UPDATE signing_keys SET active = FALSE WHERE active").then())
                        .then(insert(key)))
                .thenReturn(key.getKeyID()))
            .flatMap(kid -> reload().thenReturn(kid));
    }

    /**
     * The scheduled rotation: when the active key is older than {@code maxAge}, a new one becomes active (under
     * the creation lock, so that of several instances one rotates); keys replaced more than
     * {@code longestTokenLife} ago can no longer have signed a valid token and are retired. Answers the new
     * key's id, empty when nothing was due.
     */
    public Mono<String> rotateIfOlderThan(Duration maxAge, Duration longestTokenLife) {
        return retireUnused(longestTokenLife).then(activeKeyCreatedBefore(clock.instant().minus(maxAge))
            .filter(due -> due)
            .flatMap(due -> generate())
            .flatMap(key -> tx.transactional(
                    db.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", KEY_LOCK).then()
                        // checked again under the lock: another instance may have rotated meanwhile
                        .then(activeKeyCreatedBefore(clock.instant().minus(maxAge)))
                        .filter(due -> due)
                        .flatMap(due -> db.sql("UPDATE signing_keys SET active = FALSE WHERE active").then()
                            .then(insert(key))
                            .thenReturn(key.getKeyID())))
                .flatMap(kid -> reload().doOnNext(keys -> log.info("Rotated the signing key to {}", kid))
                    .thenReturn(kid))));
    }

    private Mono<Boolean> activeKeyCreatedBefore(Instant cutoff) {
        return db.sql("SELECT created_at < :cutoff AS due FROM signing_keys WHERE active")
            .bind("cutoff", cutoff)
            .map((row, meta) -> Boolean.TRUE.equals(row.get("due", Boolean.class)))
            .one()
            .defaultIfEmpty(false);
    }

    /** Retires keys whose successor was created more than {@code longestTokenLife} ago. */
    private Mono<Long> retireUnused(Duration longestTokenLife) {
        return db.sql("""
                UPDATE signing_keys k SET retired_at = :now
                WHERE NOT k.active AND k.retired_at IS NULL
                  AND EXISTS (SELECT 1 FROM signing_keys s WHERE s.created_at > k.created_at AND s.created_at < :cutoff)""")
            .bind("now", clock.instant())
            .bind("cutoff", clock.instant().minus(longestTokenLife))
            .fetch()
            .rowsUpdated()
            .flatMap(rows -> rows == 0 ? Mono.just(0L) : reload().doOnNext(keys ->
                    log.info("Retired {} signing key(s) that can no longer have signed a valid token", rows))
                .thenReturn(rows));
    }

    /**
     * Removes a key that no longer signs from the JWKS; tokens it signed stop validating. Answers whether
     * there was such a key (unknown, active and already retired keys are left alone).
     */
    public Mono<Boolean> retire(String kid) {
        return db.sql("UPDATE signing_keys SET retired_at = :now WHERE kid = :kid AND NOT active AND retired_at IS NULL")
            .bind("now", clock.instant())
            .bind("kid", kid)
            .fetch()
            .rowsUpdated()
            .flatMap(rows -> reload().thenReturn(rows > 0));
    }

    private Mono<KeySet> reload() {
        lastReload = clock.instant();
        Mono<KeySet> fresh = cached();
        cache.set(fresh);
        return fresh;
    }

    private boolean reloadAllowed() {
        return Duration.between(lastReload, clock.instant()).compareTo(MIN_RELOAD_INTERVAL) >= 0;
    }

    private Mono<KeySet> cached() {
        return Mono.defer(this::loadOrCreate).cache(keys -> cacheTtl, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    private Mono<KeySet> loadOrCreate() {
        return load().switchIfEmpty(Mono.defer(this::createFirstKey));
    }

    /** Empty when no key is active yet. */
    private Mono<KeySet> load() {
        return db.sql("SELECT kid, private_key, public_key, active FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at")
            .map((row, meta) -> new StoredKey(row.get("kid", String.class), row.get("private_key", String.class),
                    row.get("public_key", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class))))
            .all()
            .collectList()
            .flatMap(stored -> {
                RSAKey active = null;
                List<JWK> publics = new ArrayList<>();
                for (StoredKey key : stored) {
                    publics.add(parse(key.publicJwk()));
                    if (key.active()) {
                        active = (RSAKey) parse(secrets.open(key.privateJwk(), PRIVATE_KEYS.context().apply(key.kid())));
                    }
                }
                return active == null ? Mono.empty() : Mono.just(new KeySet(active, List.copyOf(publics)));
            });
    }

    private Mono<KeySet> createFirstKey() {
        return generate().flatMap(key -> tx.transactional(
                db.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", KEY_LOCK).then()
                    .then(db.sql("SELECT count(*) AS n FROM signing_keys WHERE active")
                        .map((row, meta) -> row.get("n", Long.class))
                        .one())
                    .flatMap(count -> count > 0 ? Mono.<Void>empty() : insert(key)
                        .doOnSuccess(ignored -> log.info("Generated signing key {}", key.getKeyID())))))
            .then(load())
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("No active signing key after creating one")));
    }

    private Mono<Void> insert(RSAKey key) {
        return db.sql("""
                INSERT INTO signing_keys (kid, algorithm, private_key, public_key, created_at, active)
                VALUES (:kid, 'RS256', :privateKey, :publicKey, :now, TRUE)""")
            .bind("kid", key.getKeyID())
            .bind("privateKey", secrets.seal(key.toJSONString(), PRIVATE_KEYS.context().apply(key.getKeyID())))
            .bind("publicKey", key.toPublicJWK().toJSONString())
            .bind("now", clock.instant())
            .then();
    }

    private Mono<RSAKey> generate() {
        // RSA key generation takes a noticeable amount of CPU: keep it off the event loop
        return Mono.fromCallable(() -> generateKey(Secrets.random("", 12))).subscribeOn(Schedulers.boundedElastic());
    }

    /** A fresh 2048-bit RS256 signing key with the given {@code kid}. */
    public static RSAKey generateKey(String kid) {
        try {
            return new RSAKeyGenerator(2048)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("A stored signing key is not a valid JWK", ex);
        }
    }

    private record StoredKey(String kid, String privateJwk, String publicJwk, boolean active) {
    }
}
