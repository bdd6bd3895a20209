package com.supportchat.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.notification.conversation.UnansweredHandoffs;
import com.supportchat.notification.settings.NotificationSettingsService;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Reminds operators of handoffs nobody answered: every {@code scanInterval}, each unanswered handoff whose last
 * notification is older than its org's {@code escalation.renotifyAfter} is notified again by email and SMS, at
 * most {@code maxRenotifications} times. Runs on a reactive interval, never blocking.
 */
@Component
class Renotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Renotifier.class);
    /** The shortest renotifyAfter an org may set; rows notified more recently cannot be due. */
    private static final Duration SHORTEST = Duration.ofMinutes(1);

    private final UnansweredHandoffs unanswered;
    private final NotificationSettingsService settings;
    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;
    private final TransactionalOperator tx;
    private final RenotifyProperties properties;
    private final Clock clock;
    private volatile Disposable running;

    Renotifier(UnansweredHandoffs unanswered, NotificationSettingsService settings, Notifier notifier,
            DeliveryDispatcher dispatcher, TransactionalOperator tx, RenotifyProperties properties, Clock clock) {
        this.unanswered = unanswered;
        this.settings = settings;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = Flux.interval(properties.scanInterval())
            .onBackpressureDrop()
            .concatMap(t -> scan().onErrorResume(ex -> {
                log.warn("Re-notification scan failed, will retry: {}", ex.toString());
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

    /** One pass; emits how many deliveries were planned. */
    Mono<Integer> scan() {
        Instant now = clock.instant();
        return unanswered.notifiedBefore(now.minus(SHORTEST), properties.batchSize())
            .concatMap(handoff -> settings.current(handoff.orgId()).flatMap(stored -> {
                var escalation = stored.settings().escalation();
                boolean due = handoff.renotifyCount() < escalation.maxRenotifications()
                        && !handoff.lastNotifiedAt().plus(escalation.renotifyAfter()).isAfter(now);
                return due ? tx.transactional(notifier.renotify(handoff, stored.settings())) : Mono.just(0);
            }))
            .reduce(0, Integer::sum)
            .doOnNext(n -> {
                if (n > 0) {
                    dispatcher.wakeUp();
                }
            });
    }
}
