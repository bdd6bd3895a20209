package com.supportchat.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import reactor.test.StepVerifier;

class ProblemWebExceptionHandlerTest {

    private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler();

    @Test
    void anUnreachableUpstreamIsA503Problem() {
        MockServerWebExchange exchange = exchange();

        StepVerifier.create(handler.handle(exchange, new ConnectException("Connection refused")))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        StepVerifier.create(exchange.getResponse().getBodyAsString())
                .assertNext(body -> assertThat(body)
                        .contains("\"type\":\"https://supportchat.dev/problems/upstream-unavailable\"")
                        .contains("\"status\":503"))
                .verifyComplete();
    }

    @Test
    void aSlowUpstreamIsA504Problem() {
        MockServerWebExchange exchange = exchange();

        StepVerifier.create(handler.handle(exchange, new TimeoutException("slow"))).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void noRouteIsA404Problem() {
        MockServerWebExchange exchange = exchange();

        StepVerifier.create(handler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anythingElseIsLeftToSpringBoot() {
        IllegalStateException unexpected = new IllegalStateException("bug");

        StepVerifier.create(handler.handle(exchange(), unexpected))
                .expectErrorMatches(error -> error == unexpected)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void problemJsonEscapesText() {
        assertThat(Problems.escape("a \"quoted\"\nline\\")).isEqualTo("a \\\"quoted\\\"\\nline\\\\");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/conversations"));
    }
}
