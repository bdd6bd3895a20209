package com.supportchat.identity.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import com.supportchat.resourceserver.Problem;

/**
 * Back-off per account on console login: after {@link LoginProperties#freeFailures()} failed attempts within the
 * window, the email waits before it may try again, twice as long after each further failure (30 s up to 15 min by
 * default), whether or not an operator has that email, so the answer never tells. The gateway's per-address limit
 * stops one client trying many accounts; this stops many clients (a botnet) trying one account. While an account
 * waits its password is not even checked. A success forgets the failures. Kept in the database, so every
 * instance sees the same count.
 *
 * <p>Someone who knows an operator's email can make that operator wait too (at most {@code max-wait} at a time):
 * the price of refusing password guessing at scale, and the reason the wait is short and doubles gently.
 */
@Component
class LoginThrottle {

    private final DatabaseClient db;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(DatabaseClient db, LoginProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes when the account may try; a 429 {@code login-throttled} problem while it waits. */
    Mono<Void> checkAllowed(String email) {
        Instant now = clock.instant();
        return db.sql("SELECT locked_until FROM login_failures WHERE email = :email AND locked_until > :now")
            .bind("email", key(email))
            .bind("now", now)
            .map((row, meta) -> row.get("locked_until", OffsetDateTime.class))
            .one()
            .flatMap(until -> Mono.error(throttled(Duration.between(now, until.toInstant()))));
    }

    /** Counts a failed attempt; answers how long the account must now wait (zero while failures are free). */
    Mono<Duration> failed(String email) {
        Instant now = clock.instant();
        return db.sql("""
                INSERT INTO login_failures (email, failures, first_failure_at) VALUES (:email, 1, :now)
                ON CONFLICT (email) DO UPDATE SET
                    failures = CASE WHEN login_failures.first_failure_at < :windowStart THEN 1
                                    ELSE login_failures.failures + 1 END,
                    first_failure_at = CASE WHEN login_failures.first_failure_at < :windowStart THEN :now
                                            ELSE login_failures.first_failure_at END
                RETURNING failures""")
            .bind("email", key(email))
            .bind("now", now)
            .bind("windowStart", now.minus(properties.window()))
            .map((row, meta) -> row.get("failures", Integer.class))
            .one()
            .flatMap(failures -> {
                Duration wait = properties.waitAfter(failures);
                if (wait.isZero()) {
                    return Mono.just(wait);
                }
                return db.sql("UPDATE login_failures SET locked_until = :until WHERE email = :email")
                    .bind("until", now.plus(wait))
                    .bind("email", key(email))
                    .then()
                    .thenReturn(wait);
            });
    }

    Mono<Void> succeeded(String email) {
        return db.sql("DELETE FROM login_failures WHERE email = :email").bind("email", key(email)).then();
    }

    /** Rows of accounts that no longer wait and whose failures the window has forgotten. */
    Mono<Long> prune() {
        Instant now = clock.instant();
        return db.sql("""
                DELETE FROM login_failures
                WHERE first_failure_at < :windowStart AND (locked_until IS NULL OR locked_until < :now)""")
            .bind("windowStart", now.minus(properties.window()))
            .bind("now", now)
            .fetch()
            .rowsUpdated();
    }

    static Problem throttled(Duration wait) {
        return Problem.tooManyRequests("login-throttled", "Too many failed logins",
                "Too many failed logins for this account; try again later.", wait);
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
