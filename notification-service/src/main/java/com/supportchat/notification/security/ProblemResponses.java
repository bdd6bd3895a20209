package com.supportchat.notification.security;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import com.supportchat.notification.web.Problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** 401 and 403 from the security filters as problem details; why a token was rejected stays on the server. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid operator access token is required");
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title,
            String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = """
                {"type":"%s%s","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
            .formatted(Problem.TYPE_BASE, slug, title, status.value(), detail,
                    exchange.getRequest().getPath().value().replace("\\", "\\\\").replace("\"", "\\\""));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
