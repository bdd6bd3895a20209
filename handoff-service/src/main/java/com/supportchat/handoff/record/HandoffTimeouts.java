package com.supportchat.handoff.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.handoff.settings.HandoffSettings;
import com.supportchat.handoff.settings.HandoffSettingsService;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finds handoffs whose visitor is still waiting for a person (accepted, unclaimed, no operator message) and
 * flags them: {@code overdue} after the org's {@code renotifyAfter}, {@code handbackDue} after its
 * {@code handbackAfter}. Operators see both flags on {@code GET /api/v1/handoffs}; metrics count them.
 * Re-notifying operators is notification-service's job (it tracks unanswered handoffs itself); actually
 * handing the conversation back to the AI needs an event conversation-service consumes, which the
 * published language does not have yet (see docs/handoff.md). Runs on a reactive interval, never blocking;
 * the updates are idempotent, so several instances may scan at once.
 */
@Component
class HandoffTimeouts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HandoffTimeouts.class);

    private final HandoffRecords records;
    private final HandoffSettingsService settings;
    private final TimeoutProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Disposable running;

    HandoffTimeouts(HandoffRecords records, HandoffSettingsService settings, TimeoutProperties properties, Clock clock,
            MeterRegistry meters) {
        this.records = records;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = Flux.interval(properties.scanInterval())
            .onBackpressureDrop()
            .concatMap(tick -> scan().onErrorResume(ex -> {
                log.warn("Unanswered-handoff scan failed, will retry: {}", ex.toString());
                return Mono.just(0);
            }), 1)
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** One pass; emits how many handoffs were flagged. */
    Mono<Integer> scan() {
        Instant now = clock.instant();
        return records.awaitingHuman(properties.batchSize())
            .collectMultimap(HandoffRecord::orgId)
            .flatMapMany(byOrg -> Flux.fromIterable(byOrg.entrySet()))
            .concatMap(entry -> settings.current(entry.getKey())
                .flatMapMany(stored -> flag(entry.getValue(), stored.settings(), now)))
            .reduce(0, (n, flagged) -> n + flagged);
    }

    private Flux<Integer> flag(Collection<HandoffRecord> waiting, HandoffSettings orgSettings, Instant now) {
        return Flux.fromIterable(waiting).concatMap(record -> {
            HandoffRecord next = record;
            if (next.overdueAt() == null && due(next, orgSettings.renotifyAfter(), now)) {
                next = next.markOverdue(now);
                meters.counter("supportchat.handoffs.overdue").increment();
                log.info("Handoff {} of conversation {} has waited over {} without a human", next.id(),
                        next.conversationId(), orgSettings.renotifyAfter());
            }
            if (next.handbackDueAt() == null && orgSettings.handbackAfter() != null
                    && due(next, orgSettings.handbackAfter(), now)) {
                next = next.markHandbackDue(now);
                meters.counter("supportchat.handoffs.handback-due").increment();
            }
            return next.equals(record) ? Mono.just(0) : records.update(next).thenReturn(1);
        });
    }

    private static boolean due(HandoffRecord record, Duration after, Instant now) {
        return after != null && !record.decidedAt().plus(after).isAfter(now);
    }
}
