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
 * 429 with {@code Retry-After} when a client goes over its budget: per client IP on the two
 * unauthenticated entry points that mint tokens (so they cannot be brute-forced), per token subject
 * on everything that needs a token. Runs after the token check, so only a validated subject counts.
 */
@Component
@Order(-40)
class RateLimitWebFilter implements WebFilter {

    private static final Set<String> PER_IP_PATHS = Set.of("/widget/v1/session", "/api/v1/auth/login");

    private final TokenBuckets perIp;

    private final TokenBuckets perSubject;

    private final ClientAddress clientAddress;

    private final MeterRegistry meterRegistry;

    RateLimitWebFilter(RateLimitProperties properties, ClientAddress clientAddress, MeterRegistry meterRegistry) {
        this.perIp = new TokenBuckets(properties.anonymous(), properties.maxTrackedKeys(), System::nanoTime);
        this.perSubject = new TokenBuckets(properties.authenticated(), properties.maxTrackedKeys(),
                System::nanoTime);
        this.clientAddress = clientAddress;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = RequestPaths.of(exchange);
        if (PER_IP_PATHS.contains(path)) {
            Duration wait = perIp.tryConsume(path + "|" + clientAddress.of(exchange));
            return wait.isZero() ? chain.filter(exchange) : tooMany(exchange, wait, "ip");
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName)
                .map(subject -> perSubject.tryConsume(subject))
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
