package com.supportchat.handoff.record;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffRequested;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.SessionResolved;
import com.supportchat.events.VisitorIdentified;
import com.supportchat.handoff.policy.HandoffDecision;
import com.supportchat.handoff.policy.HandoffPolicy;
import com.supportchat.handoff.policy.HandoffRequest;
import com.supportchat.handoff.settings.HandoffSettingsService;
import com.supportchat.messaging.Outbox;
import com.supportchat.messaging.PoisonEventException;

import org.springframework.stereotype.Service;

/**
 * Applies the policy to handoff requests and follows each accepted handoff to its end. Every method runs
 * inside the caller's transaction (the listener's idempotent-consumer transaction), so the record, the
 * processed-event mark and the outbox row commit together.
 */
@Service
public class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    private final HandoffRecords records;
    private final ConversationActivity activity;
    private final HandoffSettingsService settings;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    HandoffService(HandoffRecords records, ConversationActivity activity, HandoffSettingsService settings, Outbox outbox,
            Clock clock, MeterRegistry meters) {
        this.records = records;
        this.activity = activity;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Decides a request and publishes {@link HandoffDecided}. A request for a conversation that already has an
     * open handoff is recorded nowhere and answered with nothing: the visitor is already waiting for a human.
     */
    public Mono<Void> decide(HandoffRequested request, String eventId) {
        if (request.conversationId() == null || request.orgId() == null || request.trigger() == null) {
            return Mono.error(new PoisonEventException("handoff request without conversationId, orgId or trigger"));
        }
        String requestId = request.requestId() == null ? eventId : request.requestId();
        return records.exists(requestId).flatMap(seen -> seen ? Mono.<Void>empty()
                : records.findOpen(request.conversationId())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(open -> {
                        if (open.isEmpty()) {
                            return decideNew(request, requestId);
                        }
                        log.info("Handoff request {} for conversation {} ignored: handoff {} is already {}", requestId,
                                request.conversationId(), open.get().id(), open.get().status());
                        return Mono.<Void>empty();
                    }));
    }

    private Mono<Void> decideNew(HandoffRequested request, String requestId) {
        return Mono.zip(settings.current(request.orgId()), activity.progress(request.conversationId()),
                records.countDeclined(request.conversationId()))
            .flatMap(t -> {
                ConversationActivity.Progress progress = t.getT2();
                HandoffRequest input = new HandoffRequest(request.trigger(), request.source(),
                        progress.visitorMessages(), progress.aiReplies(), t.getT3(), progress.visitorEmailKnown(),
                        request.language());
                HandoffDecision decision = HandoffPolicy.decide(input, t.getT1().settings(), clock);
                Instant now = clock.instant();
                HandoffRecord record = HandoffRecord.requested(requestId, request.orgId(), request.conversationId(),
                        request.trigger(), request.source(), request.summary(),
                        request.requestedAt() == null ? now : request.requestedAt())
                    .decide(decision, now);
                HandoffDecided decided = new HandoffDecided(requestId, request.conversationId(), request.orgId(),
                        request.trigger(), decision.accepted(), decision.reason().code(), request.summary(),
                        decision.visitorMessage(), now);
                meters.counter("supportchat.handoffs.decided", "trigger", request.trigger().name(), "outcome",
                        decision.accepted() ? "accepted" : "declined").increment();
                return records.insert(record).then(outbox.publish(decided, now));
            });
    }

    /** An operator claimed the conversation (claim) or gave it back to the AI (release). */
    public Mono<Void> assigned(ConversationAssigned event) {
        Instant at = event.occurredAt() == null ? clock.instant() : event.occurredAt();
        return transition(event.conversationId(), event.operatorId() == null
                ? record -> record.release(at)
                : record -> record.claim(event.operatorId(), event.operatorName(), at));
    }

    public Mono<Void> resolved(SessionResolved event) {
        Instant at = event.resolvedAt() == null ? clock.instant() : event.resolvedAt();
        return transition(event.conversationId(), record -> record.resolve(at));
    }

    /** Counts progress for the policy; the first operator message of an open handoff is the human reply. */
    public Mono<Void> messageReceived(MessageReceived message) {
        if (message.conversationId() == null || message.orgId() == null || message.authorType() == null) {
            return Mono.error(new PoisonEventException("message without conversationId, orgId or authorType"));
        }
        Instant at = message.createdAt() == null ? clock.instant() : message.createdAt();
        Mono<Void> counted = activity.count(message.conversationId(), message.orgId(), message.authorType(),
                message.authorId(), at);
        if (message.authorType() != AuthorType.OPERATOR) {
            return counted;
        }
        return counted.then(transition(message.conversationId(), record -> record.humanReplied(at)));
    }

    /** Remembers under every key a conversation may name the visitor by that their email is known. */
    public Mono<Void> visitorIdentified(VisitorIdentified visitor) {
        if (visitor.orgId() == null || visitor.email() == null || visitor.email().isBlank()) {
            return Mono.empty();
        }
        return Flux.fromIterable(Stream.of(visitor.visitorId(),
                visitor.contactId(), visitor.customerKey()).filter(Objects::nonNull).toList())
            .concatMap(key -> activity.emailKnown(visitor.orgId(), key))
            .then();
    }

    public Flux<HandoffRecord> list(String orgId, HandoffStatus status, int limit) {
        return records.list(orgId, status, limit);
    }

    private Mono<Void> transition(String conversationId, UnaryOperator<HandoffRecord> change) {
        if (conversationId == null) {
            return Mono.error(new PoisonEventException("conversation event without conversationId"));
        }
        return records.findOpen(conversationId).flatMap(record -> {
            HandoffRecord next = change.apply(record);
            if (next.equals(record)) {
                return Mono.<Void>empty();
            }
            if (next.status() != record.status()) {
                meters.counter("supportchat.handoffs.transitions", "to", next.status().name()).increment();
            }
            return records.update(next);
        });
    }
}
