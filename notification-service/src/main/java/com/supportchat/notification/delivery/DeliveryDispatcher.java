package com.supportchat.notification.delivery;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.supportchat.messaging.PeriodicWork;
import com.supportchat.events.NotificationDelivered;
import com.supportchat.notification.conversation.ConversationMessages;
import com.supportchat.notification.settings.NotificationProperties;
import com.supportchat.notification.settings.NotificationSettingsService;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Sends planned deliveries. Woken right after a consumer's transaction commits, and by a poll as a safety net.
 * A claimed delivery is sent once (with the channel's own retries), then marked SENT or FAILED together with a
 * {@link NotificationDelivered} in the outbox. Sending happens outside any database transaction, so a slow
 * SMTP server never holds a connection.
 */
@Component
public class DeliveryDispatcher extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final Deliveries deliveries;
    private final ConversationMessages messages;
    private final NotificationSettingsService settings;
    private final EmailSender email;
    private final SmsSender sms;
    private final ResilientChannels channels;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final ChannelProperties.Dispatch dispatch;
    private final int transcriptSize;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Sinks.Many<Boolean> wake = Sinks.many().multicast().directBestEffort();

    DeliveryDispatcher(Deliveries deliveries, ConversationMessages messages, NotificationSettingsService settings,
            EmailSender email, SmsSender sms, ResilientChannels channels, Outbox outbox, TransactionalOperator tx,
            ChannelProperties properties, NotificationProperties notificationProperties, Clock clock,
            MeterRegistry meters) {
        super("Delivery dispatch", properties.dispatch().pollInterval());
        this.deliveries = deliveries;
        this.messages = messages;
        this.settings = settings;
        this.email = email;
        this.sms = sms;
        this.channels = channels;
        this.outbox = outbox;
        this.tx = tx;
        this.dispatch = properties.dispatch();
        this.transcriptSize = notificationProperties.transcriptSize();
        this.clock = clock;
        this.meters = meters;
    }

    /** Asks for a look at pending deliveries now (after a consumer committed new ones). */
    public void wakeUp() {
        wake.tryEmitNext(true);
    }

    @Override
    protected Mono<?> runOnce() {
        return drain();
    }

    @Override
    protected Flux<?> wakeUps() {
        return wake.asFlux();
    }

    /** Sends until nothing is pending; emits how many deliveries were completed. */
    Mono<Integer> drain() {
        return deliveries.failAbandoned(clock.instant(), dispatch.abandonedAfter())
            .then(batch())
            .expand(n -> n > 0 ? batch() : Mono.empty())
            .reduce(0, Integer::sum);
    }

    private Mono<Integer> batch() {
        return deliveries.claim(dispatch.batchSize(), clock.instant())
            .flatMap(this::send, dispatch.concurrency())
            .count()
            .map(Long::intValue);
    }

    private Mono<Outcome> send(Delivery d) {
        return settings.current(d.orgId())
            .flatMap(stored -> {
                String link = stored.settings().conversationLink(d.conversationId());
                if (d.channel() == Channel.SMS) {
                    return channels.call(Channel.SMS,
                            () -> sms.send(d.recipient(), NotificationComposer.sms(d, link), d.id().toString()));
                }
                return messages.recent(d.conversationId(), transcriptSize)
                    .flatMap(lines -> channels.call(Channel.EMAIL,
                            () -> email.send(d.recipient(), NotificationComposer.email(d, lines, link))));
            })
            // the channel never errors (it answers an Outcome); this is the database failing before the send
            .onErrorResume(ex -> Mono.just(Outcome.failed("not sent: could not prepare the message (" + ex.getClass().getSimpleName() + ")", 0)))
            .flatMap(outcome -> complete(d, outcome).thenReturn(outcome));
    }

    private Mono<Void> complete(Delivery d, Outcome outcome) {
        Instant now = clock.instant();
        String masked = Recipients.mask(d.channel(), d.recipient());
        meters.counter("supportchat.notifications", "channel", d.channel().wire(), "kind", d.kind().name(),
                "status", outcome.status().name()).increment();
        if (outcome.status() == DeliveryStatus.FAILED) {
            log.warn("{} {} to {} for conversation {} failed after {} attempt(s): {}", d.kind(), d.channel().wire(),
                    masked, d.conversationId(), outcome.attempts(), outcome.reason());
        }
        NotificationDelivered delivered = new NotificationDelivered(d.id().toString(), d.orgId(), d.conversationId(),
                d.channel().wire(), masked, outcome.status().name(), outcome.reason(), now);
        return tx.transactional(deliveries.complete(d.id(), outcome, now).then(outbox.publish(delivered, now)));
    }
}
