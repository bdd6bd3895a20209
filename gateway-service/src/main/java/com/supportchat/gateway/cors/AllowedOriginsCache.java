package com.supportchat.gateway.cors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps the allowed origins from identity-service current: fetched at start-up and every
 * {@code refreshInterval}, each fetch retried with back-off; when identity-service is down the last
 * good copy stays in force (a CORS outage would take every widget down with it).
 */
public class AllowedOriginsCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AllowedOriginsCache.class);

    private static final ParameterizedTypeReference<List<OrgOrigins>> ORG_LIST =
            new ParameterizedTypeReference<>() {
            };

    private final WebClient webClient;

    private final CorsProperties properties;

    private final AtomicReference<AllowedOrigins> current = new AtomicReference<>(AllowedOrigins.NONE);

    private volatile boolean loaded;

    private volatile Disposable refresher;

    public AllowedOriginsCache(WebClient webClient, CorsProperties properties) {
        this.webClient = webClient;
        this.properties = properties;
    }

    public AllowedOrigins current() {
        return current.get();
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** One fetch with retries; replaces the snapshot on success. */
    Mono<AllowedOrigins> refresh() {
        return webClient.get()
                .uri(properties.originsUri())
                .header("X-Internal-Token", properties.internalToken())
                .retrieve()
                .bodyToMono(ORG_LIST)
                .timeout(Duration.ofSeconds(5))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2)))
                .map(orgs -> AllowedOrigins.of(orgs, properties.emptyListAllowsAnyOrigin()))
                .doOnNext(origins -> {
                    current.set(origins);
                    if (!loaded) {
                        loaded = true;
                        log.info("Allowed widget origins loaded for {} orgs", origins.orgCount());
                    }
                });
    }

    @Override
    public void start() {
        refresher = Flux.interval(Duration.ZERO, properties.refreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> refresh()
                        .doOnError(e -> log.warn("Fetching allowed widget origins from {} failed, keeping the last "
                                + "good copy: {}", properties.originsUri(), rootMessage(e)))
                        .onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    @Override
    public void stop() {
        Disposable current = refresher;
        if (current != null) {
            current.dispose();
        }
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isDisposed();
    }
}
