package com.supportchat.resourceserver;

import java.time.Duration;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that cannot be reached (connection refused, pool exhausted, query timed out) is the
 * service's momentary trouble, not a bug: 503 {@code database-unavailable} with {@code Retry-After}, so
 * clients back off and retry instead of reporting a 500. Ordered before every service's own advice (whose
 * catch-all {@code Exception} handler would otherwise win); the cause chain is matched too, so a wrapped
 * driver exception counts. Constraint violations and bad SQL are not outages and stay where they were.
 */
@RestControllerAdvice
public class DatabaseUnavailableHandler implements Ordered {

    /** How long clients are asked to wait: a restart or failover of PostgreSQL takes seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class,
            R2dbcNonTransientResourceException.class, R2dbcTransientResourceException.class,
            R2dbcTimeoutException.class })
    public ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        log.warn("Database unavailable, answering 503: {}", ex.toString());
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Service unavailable", "The service cannot reach its database; try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
