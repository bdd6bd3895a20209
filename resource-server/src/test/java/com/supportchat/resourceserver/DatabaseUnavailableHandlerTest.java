package com.supportchat.resourceserver;

import java.util.Map;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The real R2DBC PostgreSQL driver against a port nothing listens on, the way a service sees its database
 * go away; behind a service's own advice with its catch-all 500, as every service has one.
 */
class DatabaseUnavailableHandlerTest {

    private static final ConnectionFactory NOWHERE = ConnectionFactories.get(
            "r2dbc:postgresql://postgres@127.0.0.1:1/gone?connectTimeout=PT2S");

    private final WebTestClient client = WebTestClient.bindToController(new Reads())
        .controllerAdvice(new ServiceAdvice(), new DatabaseUnavailableHandler())
        .build();

    @Test
    void aQueryOnAnUnreachableDatabaseIsA503WithRetryAfter() {
        expectUnavailable("/query");
    }

    @Test
    void aTransactionOnAnUnreachableDatabaseIsA503WithRetryAfter() {
        expectUnavailable("/transaction");
    }

    @Test
    void aConstraintViolationIsNotAnOutage() {
        client.get().uri("/duplicate").exchange().expectStatus().is5xxServerError()
            .expectHeader().doesNotExist("Retry-After")
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/internal");
    }

    private void expectUnavailable(String path) {
        client.get().uri(path).exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().valueEquals("Retry-After", "5")
            .expectHeader().contentType("application/problem+json")
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/database-unavailable")
            .jsonPath("$.status").isEqualTo(503);
    }

    @RestController
    static class Reads {

        private final DatabaseClient db = DatabaseClient.create(NOWHERE);

        private final TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(NOWHERE));

        @GetMapping("/query")
        Mono<Map<String, Object>> query() {
            return db.sql("SELECT 1 AS one").fetch().one();
        }

        @GetMapping("/transaction")
        Mono<Map<String, Object>> transaction() {
            return tx.transactional(db.sql("SELECT 1 AS one").fetch().one());
        }

        @GetMapping("/duplicate")
        Mono<String> duplicate() {
            return Mono.error(new DataIntegrityViolationException("duplicate key"));
        }
    }

    /** Like every service's own problem handling: the unexpected is a 500. */
    @RestControllerAdvice
    static class ServiceAdvice extends StandardProblemHandler {
    }
}
