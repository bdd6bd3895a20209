package com.supportchat.notification.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * One retry policy and one circuit breaker per channel, so a dead SMS provider never slows email down.
 * Each attempt passes the breaker; only transient failures (connection trouble, 5xx, 429, time-outs) are
 * retried, with exponential back-off. The result is always an {@link Outcome}: the channel and why it
 * failed are kept, never hidden behind a generic fallback.
 */
@Component
class ResilientChannels {

    private final Map<Channel, Retry> retries = new EnumMap<>(Channel.class);
    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);

    ResilientChannels(ChannelProperties properties) {
        ChannelProperties.Resilience r = properties.resilience();
        for (Channel channel : Channel.values()) {
            retries.put(channel, Retry.of(channel.wire(), RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(r.initialBackoff(), r.backoffMultiplier()))
                .retryOnException(ResilientChannels::isTransient)
                .build()));
            breakers.put(channel, CircuitBreaker.of(channel.wire(), CircuitBreakerConfig.custom()
                .failureRateThreshold(r.failureRateThreshold())
                .slidingWindowSize(r.slidingWindow())
                .minimumNumberOfCalls(Math.min(r.slidingWindow(), 5))
                .waitDurationInOpenState(r.openFor())
                .recordException(ResilientChannels::isTransient)
                .build()));
        }
    }

    Mono<Outcome> call(Channel channel, Supplier<Mono<Void>> send) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> {
            attempts.incrementAndGet();
            return send.get();
        })
            .transformDeferred(CircuitBreakerOperator.of(breakers.get(channel)))
            .transformDeferred(RetryOperator.of(retries.get(channel)))
            .then(Mono.fromSupplier(() -> Outcome.sent(attempts.get())))
            .onErrorResume(ex -> Mono.just(Outcome.failed(describe(channel, ex), attempts.get())));
    }

    CircuitBreaker breaker(Channel channel) {
        return breakers.get(channel);
    }

    private static boolean isTransient(Throwable ex) {
        return ex instanceof TimeoutException || ex instanceof ChannelFailure failure && failure.isTransient();
    }

    private static String describe(Channel channel, Throwable ex) {
        if (ex instanceof CallNotPermittedException) {
            return channel.wire() + " circuit open: too many recent failures, not attempted";
        }
        if (ex instanceof TimeoutException) {
            return channel.wire() + " provider did not answer in time";
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}
