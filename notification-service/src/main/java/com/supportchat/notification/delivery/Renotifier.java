package com.supportchat.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import com.supportchat.messaging.PeriodicWork;
import com.supportchat.notification.conversation.UnansweredHandoffs;
import com.supportchat.notification.settings.NotificationSettingsService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Reminds operators of handoffs nobody answered: every {@code scanInterval}, each unanswered handoff whose last
 * notification is older than its org's {@code escalation.renotifyAfter} is notified again by email and SMS, at
 * most {@code maxRenotifications} times. Runs as {@link PeriodicWork}, never blocking.
 */
@Component
class Renotifier extends PeriodicWork {

    /** The shortest renotifyAfter an org may set; rows notified more recently cannot be due. */
    private static final Duration SHORTEST = Duration.ofMinutes(1);

    private final UnansweredHandoffs unanswered;
    private final NotificationSettingsService settings;
    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;
    private final TransactionalOperator tx;
    private final RenotifyProperties properties;
    private final Clock clock;

    Renotifier(UnansweredHandoffs unanswered, NotificationSettingsService settings, Notifier notifier,
            DeliveryDispatcher dispatcher, TransactionalOperator tx, RenotifyProperties properties, Clock clock) {
        super("Re-notification scan", properties.scanInterval());
        this.unanswered = unanswered;
        this.settings = settings;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected Mono<?> runOnce() {
        return scan();
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
