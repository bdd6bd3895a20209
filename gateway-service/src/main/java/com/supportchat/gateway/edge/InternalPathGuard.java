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
 * path past a route predicate and into an upstream. Of the gateway's own actuator only health is public:
 * metrics, info, env and the rest describe the system to whoever asks, so they are 404 here too.
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
        String raw = rawPath.toLowerCase(Locale.ROOT);
        // matrix parameters and empty segments make route predicates and string checks see different
        // paths; encoded separators and dots are only ever used to smuggle traversal
        if (raw.contains(";") || raw.contains("//") || raw.contains("%2e") || raw.contains("%2f")
                || raw.contains("%5c") || raw.contains("%3b") || raw.contains("\\")) {
            return true;
        }
        String path;
        try {
            path = RequestPaths.normalise(raw);
        }
        catch (IllegalArgumentException malformedEscape) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return path.equals("/internal") || path.startsWith("/internal/") || isActuatorBeyondHealth(path);
    }

    private static boolean isActuatorBeyondHealth(String path) {
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return actuator && !health;
    }
}
