package com.supportchat.gateway.limit;

import java.time.Duration;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.supportchat.gateway.edge.RequestPaths;
import com.supportchat.gateway.edge.ClientAddress;
import com.supportchat.gateway.problem.Problems;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * 429 with {@code Retry-After} when a client goes over its budget: per client address on the
 * unauthenticated entry points that mint tokens or check credentials (so they cannot be brute-forced),
 * per token subject on everything that needs a token. Runs after the token check, so only a validated
 * subject counts. The buckets are shared by every gateway instance ({@link SharedBuckets}).
 */
@Component
@Order(-40)
class RateLimitWebFilter implements WebFilter {

    private static final Set<String> PER_IP_PATHS = Set.of("/widget/v1/session", "/widget/authenticate-user",
            "/api/v1/auth/login", "/api/v1/auth/refresh");

    private final RateLimitProperties properties;

    private final SharedBuckets buckets;

    private final ClientAddress clientAddress;

    private final MeterRegistry meterRegistry;

    RateLimitWebFilter(RateLimitProperties properties, SharedBuckets buckets, ClientAddress clientAddress,
            MeterRegistry meterRegistry) {
        this.properties = properties;
        this.buckets = buckets;
        this.clientAddress = clientAddress;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = RequestPaths.of(exchange);
        if (PER_IP_PATHS.contains(path)) {
            return buckets.tryConsume("ip", properties.anonymous(), path + "|" + clientAddress.of(exchange))
                    .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : tooMany(exchange, wait, "ip"));
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName)
                .flatMap(subject -> buckets.tryConsume("subject", properties.authenticated(), subject))
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : tooMany(exchange, wait, "subject"));
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, Duration wait, String keyType) {
        meterRegistry.counter("supportchat.gateway.rate.limited", "key", keyType).increment();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests; retry after " + seconds + " s.");
    }
}
