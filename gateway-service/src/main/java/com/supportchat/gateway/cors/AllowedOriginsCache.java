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
 * good copy stays in force (a CORS outage would take every widget down with it). An origin the
 * snapshot does not allow triggers one immediate re-fetch (shared by concurrent requests, at most one
 * per {@link #MIN_REFETCH_INTERVAL}), so an org or origin added a moment ago works at once rather than
 * after the next scheduled refresh.
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

    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(2);

    private final AtomicReference<Mono<AllowedOrigins>> inFlight = new AtomicReference<>();

    private volatile long lastOnDemandFetch;

    public AllowedOriginsCache(WebClient webClient, CorsProperties properties) {
        this.webClient = webClient;
        this.properties = properties;
    }

    public AllowedOrigins current() {
        return current.get();
    }

    /**
     * The snapshot if it satisfies {@code allows}; otherwise one fresh copy from identity-service (when
     * none was fetched on demand in the last {@link #MIN_REFETCH_INTERVAL}), falling back to the snapshot
     * if identity-service does not answer.
     */
    public Mono<AllowedOrigins> currentOrRefreshed(java.util.function.Predicate<AllowedOrigins> allows) {
        AllowedOrigins snapshot = current.get();
        if (allows.test(snapshot)) {
            return Mono.just(snapshot);
        }
        long now = System.nanoTime();
        Mono<AllowedOrigins> running = inFlight.get();
        if (running == null) {
            if (now - lastOnDemandFetch < MIN_REFETCH_INTERVAL.toNanos()) {
                return Mono.just(snapshot);
            }
            Mono<AllowedOrigins> fetch = refresh().onErrorResume(e -> Mono.just(current.get()))
                    .doFinally(signal -> inFlight.set(null))
                    .cache();
            if (inFlight.compareAndSet(null, fetch)) {
                lastOnDemandFetch = now;
                running = fetch;
            }
            else {
                running = inFlight.get();
            }
        }
        return running == null ? Mono.just(current.get()) : running;
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
