package com.supportchat.handoff.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.messaging.PeriodicWork;
import com.supportchat.events.HandoffTimedOut;
import com.supportchat.handoff.settings.HandoffSettings;
import com.supportchat.handoff.settings.HandoffSettingsService;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Finds handoffs whose visitor is still waiting for a person (accepted, unclaimed, no operator message) and
 * flags them: {@code overdue} after the org's {@code renotifyAfter}, {@code handbackDue} after its
 * {@code handbackAfter}. Operators see both flags on {@code GET /api/v1/handoffs}; metrics count them.
 * Re-notifying operators is notification-service's job (it tracks unanswered handoffs itself). When a
 * handoff becomes due for hand-back, {@code handoff-timed-out} is published through the outbox in the same
 * transaction as the flag, and conversation-service hands the conversation back to the AI (unless an
 * operator took it meanwhile). Runs on a reactive interval, never blocking; flagging happens once per
 * record, so several instances may scan at once.
 */
@Component
class HandoffTimeouts extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(HandoffTimeouts.class);

    private final HandoffRecords records;
    private final HandoffSettingsService settings;
    private final TimeoutProperties properties;
    private final Clock clock;
    /** What the visitor reads when the conversation goes back to the AI. */
    static final String HANDBACK_MESSAGE = "Our team could not get to you in time, so the AI assistant will keep "
            + "helping you here. Your request stays visible to the team.";

    private final MeterRegistry meters;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    HandoffTimeouts(HandoffRecords records, HandoffSettingsService settings, TimeoutProperties properties, Clock clock,
            MeterRegistry meters, Outbox outbox, TransactionalOperator tx) {
        super("Unanswered-handoff scan", properties.scanInterval());
        this.outbox = outbox;
        this.tx = tx;
        this.records = records;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    protected Mono<?> runOnce() {
        return scan();
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
            boolean handBack = false;
            if (next.handbackDueAt() == null && orgSettings.handbackAfter() != null
                    && due(next, orgSettings.handbackAfter(), now)) {
                next = next.markHandbackDue(now);
                handBack = true;
                meters.counter("supportchat.handoffs.handback-due").increment();
            }
            if (next.equals(record)) {
                return Mono.just(0);
            }
            Mono<Void> timedOut = !handBack ? Mono.empty()
                    : outbox.publish(new HandoffTimedOut(next.id().toString(), next.conversationId(), next.orgId(),
                            next.decidedAt(), Duration.between(next.decidedAt(), now).toSeconds(), HANDBACK_MESSAGE, now));
            return tx.transactional(records.update(next).then(timedOut)).thenReturn(1);
        });
    }

    private static boolean due(HandoffRecord record, Duration after, Instant now) {
        return after != null && !record.decidedAt().plus(after).isAfter(now);
    }
}
