package com.supportchat.gateway.edge;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.supportchat.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * Service-to-service endpoints ({@code /internal/**}) are never reachable through the gateway. No route
 * points there anyway; this guard also refuses encoded or dot-segment tricks that could smuggle such a
 * path past a route predicate and into an upstream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InternalPathGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (raw != null && isForbidden(raw)) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "No resource at " + exchange.getRequest().getPath().value());
        }
        return chain.filter(exchange);
    }

    static boolean isForbidden(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains("\\")) {
            return true;
        }
        for (String segment : path.split("/")) {
            String bare = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (bare.equals("..") || bare.equals(".")) {
                return true;
            }
        }
        return path.equals("/internal") || path.startsWith("/internal/") || path.startsWith("/internal;");
    }
}
