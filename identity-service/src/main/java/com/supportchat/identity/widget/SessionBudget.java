package com.supportchat.identity.widget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import com.supportchat.resourceserver.Problem;

/**
 * A budget of new widget sessions (new visitors) per org: a token bucket of {@code new-sessions-per-hour}, refilled
 * continuously, kept in the database so that every instance draws from the same one. Returning visitors (a valid
 * visitor token) cost nothing. Stops: one client behind many addresses creating visitors for an org without bound
 * (rows, events, and the operators' inbox). Over budget: 429 {@code session-budget-exhausted} with
 * {@code Retry-After}, and nothing is written.
 */
@Component
class SessionBudget {

    private final DatabaseClient db;
    private final WidgetProperties properties;
    private final Clock clock;

    SessionBudget(DatabaseClient db, WidgetProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes one new session from the org's budget, or fails with a 429 problem. */
    Mono<Void> take(UUID orgId) {
        double capacity = properties.newSessionsPerHour();
        double perSecond = capacity / 3600.0;
        Instant now = clock.instant();
        // one statement: refill by the time passed, take one if there is one; the row lock orders concurrent takes
        return db.sql("""
                INSERT INTO org_session_budget (org_id, tokens, refilled_at) VALUES (:org, :capacity - 1, :now)
                ON CONFLICT (org_id) DO UPDATE SET
                    tokens = LEAST(:capacity, org_session_budget.tokens
                             + EXTRACT(EPOCH FROM (:now - org_session_budget.refilled_at)) * :rate) - 1,
                    refilled_at = :now
                WHERE LEAST(:capacity, org_session_budget.tokens
                      + EXTRACT(EPOCH FROM (:now - org_session_budget.refilled_at)) * :rate) >= 1
                RETURNING tokens""")
            .bind("org", orgId)
            .bind("capacity", capacity)
            .bind("rate", perSecond)
            .bind("now", now)
            .map((row, meta) -> row.get("tokens", Double.class))
            .one()
            .switchIfEmpty(Mono.defer(() -> remaining(orgId, now).flatMap(tokens -> Mono.error(
                    exhausted(Duration.ofMillis((long) Math.ceil((1 - tokens) / perSecond * 1000)))))))
            .then();
    }

    private Mono<Double> remaining(UUID orgId, Instant now) {
        return db.sql("""
                SELECT LEAST(:capacity, tokens + EXTRACT(EPOCH FROM (:now - refilled_at)) * :rate) AS tokens
                FROM org_session_budget WHERE org_id = :org""")
            .bind("org", orgId)
            .bind("capacity", (double) properties.newSessionsPerHour())
            .bind("rate", properties.newSessionsPerHour() / 3600.0)
            .bind("now", now)
            .map((row, meta) -> row.get("tokens", Double.class))
            .one()
            .defaultIfEmpty(0.0);
    }

    static Problem exhausted(Duration wait) {
        return Problem.tooManyRequests("session-budget-exhausted", "Too many new sessions",
                "This site has started too many new chat sessions in the last hour; try again later.", wait);
    }
}
