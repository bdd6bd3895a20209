package com.supportchat.gateway.problem;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes an {@code application/problem+json} body. The gateway answers before any upstream is called,
 * so it cannot rely on a controller advice; every filter uses this one writer.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://supportchat.dev/problems/";

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title,
            String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json(status, slug, title, detail, exchange.getRequest().getPath().value())
                .getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static String json(HttpStatus status, String slug, String title, String detail, String instance) {
        return "{\"type\":\"" + TYPE_PREFIX + escape(slug) + "\",\"title\":\"" + escape(title)
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail)
                + "\",\"instance\":\"" + escape(instance) + "\"}";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
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
