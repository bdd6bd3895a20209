package com.supportchat.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;

/**
 * Turns the errors the gateway itself raises (no route, upstream unreachable or slow, body too large)
 * into problem details. Runs before Spring Boot's default handler, which would answer plain JSON.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof PayloadTooLargeException tooLarge) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Request body too large", tooLarge.getMessage());
        }
        if (ex instanceof ResponseStatusException statusException) {
            return forStatus(exchange, statusException.getStatusCode(), statusException);
        }
        if (ex instanceof ConnectException || ex instanceof ConnectTimeoutException
                || ex.getCause() instanceof ConnectException) {
            log.warn("Upstream unreachable for {}: {}", exchange.getRequest().getPath(), ex.getMessage());
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable",
                    "Service unavailable", "The service behind this path cannot be reached; try again shortly.");
        }
        if (ex instanceof TimeoutException) {
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway timeout",
                    "The service behind this path did not answer in time.");
        }
        return Mono.error(ex);
    }

    private Mono<Void> forStatus(ServerWebExchange exchange, HttpStatusCode code, ResponseStatusException ex) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            return Mono.error(ex);
        }
        return switch (status) {
            case NOT_FOUND -> Problems.write(exchange, status, "not-found", "Not found",
                    "No resource at " + exchange.getRequest().getPath().value());
            case METHOD_NOT_ALLOWED -> Problems.write(exchange, status, "method-not-allowed", "Method not allowed",
                    "Method " + exchange.getRequest().getMethod().name() + " is not allowed here.");
            case GATEWAY_TIMEOUT -> Problems.write(exchange, status, "upstream-timeout", "Gateway timeout",
                    "The service behind this path did not answer in time.");
            case SERVICE_UNAVAILABLE -> Problems.write(exchange, status, "upstream-unavailable",
                    "Service unavailable", "The service behind this path cannot be reached; try again shortly.");
            case CONTENT_TOO_LARGE -> Problems.write(exchange, status, "payload-too-large",
                    "Request body too large", String.valueOf(ex.getReason()));
            default -> Mono.error(ex);
        };
    }
}
