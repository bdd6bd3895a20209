package com.supportchat.resourceserver;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 from the security filters, before any controller runs, as problem details. The detail is
 * fixed text the service chooses: why a token was rejected (expired, bad signature) stays on the server so
 * a prober learns nothing.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** 401 {@code unauthorized} with {@code WWW-Authenticate: Bearer}. */
    public static ServerAuthenticationEntryPoint unauthorized(String detail) {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
        };
    }

    /** 403 {@code forbidden}. */
    public static ServerAccessDeniedHandler forbidden(String detail) {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** Writes a problem detail ({@code type} = the house base + {@code slug}) outside the annotated controllers. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title,
            String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = """
                {"type":"%s%s","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
            .formatted(Problems.TYPE_BASE, slug, json(title), status.value(), json(detail),
                    json(exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
