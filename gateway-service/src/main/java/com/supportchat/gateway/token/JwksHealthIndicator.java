package com.supportchat.gateway.token;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import reactor.core.publisher.Mono;

/**
 * DOWN until identity-service's JWKS has been fetched once: before that every protected request would
 * be refused, so the gateway is not ready to serve. Once loaded it stays UP, because the last good
 * key set keeps validating tokens while identity-service is briefly away.
 */
public class JwksHealthIndicator implements ReactiveHealthIndicator {

    private final JwksKeySource keySource;

    public JwksHealthIndicator(JwksKeySource keySource) {
        this.keySource = keySource;
    }

    @Override
    public Mono<Health> health() {
        if (keySource.isLoaded()) {
            return Mono.just(Health.up().withDetail("keys", keySource.keyCount()).build());
        }
        return Mono.just(Health.down().withDetail("reason", "JWKS not fetched yet").build());
    }
}
