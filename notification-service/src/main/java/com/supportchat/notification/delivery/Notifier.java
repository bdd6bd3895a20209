package com.supportchat.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.MessageReceived;
import com.supportchat.messaging.PoisonEventException;
import com.supportchat.notification.conversation.ConversationMessages;
import com.supportchat.notification.conversation.UnansweredHandoffs;
import com.supportchat.notification.conversation.UnansweredHandoffs.Unanswered;
import com.supportchat.notification.settings.NotificationSettings;
import com.supportchat.notification.settings.NotificationSettingsService;

import org.springframework.stereotype.Service;

/**
 * Decides who is told what, and plans it as deliveries inside the caller's transaction (the consumer's
 * idempotent transaction, or the re-notification scan's). Sending is the {@link DeliveryDispatcher}'s job.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationSettingsService settings;
    private final Deliveries deliveries;
    private final ConversationMessages messages;
    private final UnansweredHandoffs unanswered;
    private final BudgetProperties budget;
    private final MeterRegistry meters;
    private final Clock clock;

    Notifier(NotificationSettingsService settings, Deliveries deliveries, ConversationMessages messages,
            UnansweredHandoffs unanswered, BudgetProperties budget, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.messages = messages;
        this.unanswered = unanswered;
        this.budget = budget;
        this.meters = meters;
        this.clock = clock;
    }

    /** An accepted handoff: email (and SMS unless it waits for re-notification) to everyone configured. */
    public Mono<Void> handoffDecided(HandoffDecided decided, String eventId) {
        if (decided.conversationId() == null || decided.orgId() == null) {
            return Mono.error(new PoisonEventException("handoff decision without conversationId or orgId"));
        }
        if (!decided.accepted()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        String trigger = decided.trigger() == null ? null : decided.trigger().name();
        return settings.current(decided.orgId()).flatMap(stored -> {
            NotificationSettings s = stored.settings();
            if (!s.events().handoff()) {
                return Mono.empty();
            }
            List<Delivery> planned = new ArrayList<>();
            s.emailRecipients().forEach(to -> planned.add(Delivery.planned(decided.orgId(), decided.conversationId(),
                    eventId, DeliveryKind.HANDOFF, Channel.EMAIL, to, trigger, decided.summary(), now)));
            if (!s.escalation().smsOnlyWhenUnanswered()) {
                s.smsNumbers().forEach(to -> planned.add(Delivery.planned(decided.orgId(), decided.conversationId(),
                        eventId, DeliveryKind.HANDOFF, Channel.SMS, to, trigger, decided.summary(), now)));
            }
            return unanswered.open(decided.conversationId(), decided.orgId(), trigger, decided.summary(), now)
                .then(plan(planned));
        });
    }

    /** Remembers the message; an operator's reply answers the handoff; a visitor's on an escalated one may notify. */
    public Mono<Void> messageReceived(MessageReceived message, String eventId) {
        if (message.conversationId() == null || message.orgId() == null || message.authorType() == null) {
            return Mono.error(new PoisonEventException("message without conversationId, orgId or authorType"));
        }
        Mono<Void> remembered = messages.remember(message);
        if (message.authorType() == AuthorType.OPERATOR) {
            return remembered.then(unanswered.close(message.conversationId()));
        }
        if (message.authorType() != AuthorType.VISITOR || message.conversationStatus() != ConversationStatus.ESCALATED) {
            return remembered;
        }
        Instant now = clock.instant();
        return remembered.then(settings.current(message.orgId()).flatMap(stored -> {
            if (!stored.settings().events().escalatedMessage()) {
                return Mono.empty();
            }
            return deliveries.plannedSince(message.conversationId(), DeliveryKind.ESCALATED_MESSAGE,
                    now.minus(budget.escalatedMessageInterval()))
                .flatMap(alertedRecently -> alertedRecently ? throttled(message) : alertEscalated(message, stored.settings(),
                        eventId, now));
        }));
    }

    /** Already alerted about this conversation a moment ago: its next alert's transcript will show this message. */
    private Mono<Void> throttled(MessageReceived message) {
        meters.counter("supportchat.notification.throttled", "kind", "escalated_message").increment();
        log.debug("Conversation {}: visitor message not alerted, one was sent less than {} ago",
                message.conversationId(), budget.escalatedMessageInterval());
        return Mono.empty();
    }

    private Mono<Void> alertEscalated(MessageReceived message, NotificationSettings s, String eventId, Instant now) {
        String excerpt = message.text() == null ? null
                : message.text().length() > 300 ? message.text().substring(0, 297) + "..." : message.text();
        return plan(s.emailRecipients().stream()
            .map(to -> Delivery.planned(message.orgId(), message.conversationId(), eventId,
                    DeliveryKind.ESCALATED_MESSAGE, Channel.EMAIL, to, null, excerpt, now))
            .toList());
    }

    /** Someone answered (claim) or the conversation ended: nobody needs reminding any more. */
    public Mono<Void> answered(String conversationId) {
        if (conversationId == null) {
            return Mono.error(new PoisonEventException("conversation event without conversationId"));
        }
        return unanswered.close(conversationId);
    }

    /**
     * Re-notifies a handoff still unanswered: email and SMS to everyone configured. The delivery's event id is
     * derived from the handoff and the round, so two instances scanning at once plan it once.
     */
    Mono<Integer> renotify(Unanswered handoff, NotificationSettings s) {
        Instant now = clock.instant();
        int round = handoff.renotifyCount() + 1;
        String eventId = "renotify:" + handoff.conversationId() + ":" + handoff.decidedAt().toEpochMilli() + ":" + round;
        List<Delivery> planned = new ArrayList<>();
        s.emailRecipients().forEach(to -> planned.add(Delivery.planned(handoff.orgId(), handoff.conversationId(),
                eventId, DeliveryKind.RENOTIFY, Channel.EMAIL, to, handoff.trigger(), handoff.summary(), now)));
        s.smsNumbers().forEach(to -> planned.add(Delivery.planned(handoff.orgId(), handoff.conversationId(), eventId,
                DeliveryKind.RENOTIFY, Channel.SMS, to, handoff.trigger(), handoff.summary(), now)));
        return unanswered.markRenotified(handoff, now).flatMap(mine -> {
            if (!mine) {
                return Mono.just(0);
            }
            log.info("Handoff of conversation {} still unanswered; re-notifying (round {})", handoff.conversationId(), round);
            return plan(planned).thenReturn(planned.size());
        });
    }

    /**
     * Plans the deliveries, each within its org's budget for the channel: one beyond it is logged as SKIPPED with
     * the reason and never sent. The org's budget is locked for the rest of the caller's transaction.
     */
    private Mono<Void> plan(List<Delivery> planned) {
        if (planned.isEmpty()) {
            return Mono.empty();
        }
        // each channel's use of the budget is read once, then counted here as deliveries are planned
        Map<Channel, Long> used = new EnumMap<>(Channel.class);
        return deliveries.lockBudget(planned.get(0).orgId())
            .thenMany(Flux.fromIterable(planned).concatMap(d -> used(d, used)
                .flatMap(n -> {
                    Delivery checked = withinBudget(d, n);
                    return deliveries.plan(checked).doOnNext(inserted -> {
                        if (inserted && checked.status() != DeliveryStatus.SKIPPED) {
                            used.merge(d.channel(), 1L, Long::sum);
                        }
                    });
                })))
            .then();
    }

    private Mono<Long> used(Delivery d, Map<Channel, Long> used) {
        Long known = used.get(d.channel());
        return known != null ? Mono.just(known)
                : deliveries.countSince(d.orgId(), d.channel(), d.createdAt().minus(budget.window(d.channel())))
                    .doOnNext(n -> used.put(d.channel(), n));
    }

    private Delivery withinBudget(Delivery d, long used) {
        int allowed = budget.allowed(d.channel());
        if (used < allowed) {
            return d;
        }
        String why = d.channel() == Channel.SMS ? "over the org's budget of " + allowed + " SMS a day"
                : "over the org's budget of " + allowed + " emails an hour";
        meters.counter("supportchat.notification.skipped", "channel", d.channel().wire()).increment();
        log.warn("Org {}: {} alert for conversation {} not sent, {}", d.orgId(), d.channel().wire(),
                d.conversationId(), why);
        return d.skipped(why);
    }
}
