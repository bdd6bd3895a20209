package com.supportchat.conversation.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.settings.WidgetSettingsRepository;
import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.ConversationStatusChanged;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffRequested;
import com.supportchat.events.HandoffTimedOut;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.ReplyGenerated;
import com.supportchat.events.ResolutionRequested;
import com.supportchat.events.SessionResolved;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Changes conversations. Every method runs in one database transaction that changes the conversation,
 * appends its thread entries and writes the events to the outbox, so state and events never disagree.
 */
@Service
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    private final ConversationRepository conversations;
    private final WidgetSettingsRepository settings;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;
    private final Clock clock;

    public ConversationService(ConversationRepository conversations, WidgetSettingsRepository settings, Outbox outbox,
            TransactionalOperator tx, MeterRegistry meters, Clock clock) {
        this.conversations = conversations;
        this.settings = settings;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    /** A new conversation, with its first message when there is text. */
    public Mono<Started> start(Owner owner, String clientMessageId, String text) {
        Mono<Started> create = settings.find(owner.orgId())
            .flatMap(rules -> rules.allowMultipleOpen() ? Mono.just(false)
                    : conversations.hasOpenConversation(owner.orgId(), owner.ownerKey()))
            .flatMap(blocked -> {
                if (blocked) {
                    return Mono.error(new IllegalTransitionException("open-conversation-exists",
                            "This site allows one open conversation at a time; continue the open one."));
                }
                Instant now = clock.instant();
                Conversation conversation = Conversation.start(owner, now);
                Mono<Entry> first = text == null || text.isBlank() ? Mono.empty()
                        : appendMessage(conversation, owner.asActor(), text, Map.of(), clientMessageId, now);
                return conversations.insert(conversation)
                    .then(first.map(entry -> new Started(conversation, entry, true))
                        .defaultIfEmpty(new Started(conversation, null, true)));
            });
        if (clientMessageId == null || text == null || text.isBlank()) {
            return tx.transactional(create).doOnNext(s -> meters.counter("supportchat.conversations.started").increment());
        }
        return tx.transactional(conversations
            .findByOwnerAndClientMessageId(owner.orgId(), owner.ownerKey(), owner.asActor(), clientMessageId)
            .switchIfEmpty(create));
    }

    public Flux<Conversation> listForOwner(Owner owner) {
        return conversations.findByOwner(owner.orgId(), owner.ownerKey());
    }

    /** The owner's conversation, or not found: another visitor's conversation does not exist for this one. */
    public Mono<Conversation> getForOwner(Owner owner, UUID id) {
        return conversations.find(owner.orgId(), id)
            .filter(c -> c.ownerKey().equals(owner.ownerKey()))
            .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)));
    }

    public Mono<Conversation> getForOrg(String orgId, UUID id) {
        return conversations.find(orgId, id).switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)));
    }

    public Flux<Entry> entriesAfter(Conversation c, long afterSeq, int limit) {
        return conversations.entriesAfter(c.orgId(), c.id(), afterSeq, limit);
    }

    /** The visitor writes; the same clientMessageId again returns the stored message, never a second one. */
    public Mono<Posted> postVisitorMessage(Owner owner, UUID id, String clientMessageId, String text) {
        return tx.transactional(lockForOwner(owner, id)
            .flatMap(c -> post(c, owner.asActor(), clientMessageId, text)));
    }

    /**
     * An operator writes. A reply on a conversation the AI still owns takes it over (ESCALATED, trigger
     * OPERATOR), so the AI does not talk over the human.
     */
    public Mono<Posted> postOperatorMessage(String orgId, Actor operator, UUID id, String clientMessageId, String text) {
        return tx.transactional(lock(orgId, id).flatMap(c -> {
            if (c.status() != ConversationStatus.UNRESOLVED) {
                return post(c, operator, clientMessageId, text);
            }
            return conversations.findByClientMessageId(orgId, id, operator, clientMessageId)
                .map(existing -> new Posted(existing, false))
                .switchIfEmpty(Mono.defer(() -> transition(c, c.escalate(HandoffTrigger.OPERATOR, null), operator,
                        EntryKind.STATUS, operator.displayName() + " joined the conversation", Map.of())
                    .flatMap(escalated -> post(escalated, operator, clientMessageId, text))));
        }));
    }

    public Mono<Conversation> resolveByVisitor(Owner owner, UUID id) {
        return tx.transactional(settings.find(owner.orgId()).flatMap(rules -> {
            if (!rules.visitorCanClose()) {
                return Mono.error(new VisitorCloseDisabledException());
            }
            return lockForOwner(owner, id).flatMap(c -> resolve(c, c.resolve(clock.instant()), owner.asActor()));
        }));
    }

    public Mono<Conversation> resolveByOperator(String orgId, Actor operator, UUID id) {
        return tx.transactional(lock(orgId, id).flatMap(c -> resolve(c, c.resolve(clock.instant()), operator)));
    }

    public Mono<Conversation> escalateByOperator(String orgId, Actor operator, UUID id) {
        return tx.transactional(lock(orgId, id).flatMap(c -> transition(c, c.escalate(HandoffTrigger.OPERATOR, null),
                operator, EntryKind.STATUS, "Escalated by " + operator.displayName(), Map.of())));
    }

    /** One operator at a time: of two simultaneous claims the row lock lets one win; the other gets 409. */
    public Mono<Conversation> claim(String orgId, Actor operator, UUID id) {
        return tx.transactional(lock(orgId, id).flatMap(c -> {
            if (operator.id().equals(c.assigneeId())) {
                return Mono.just(c);
            }
            Conversation claimed = c.claim(operator);
            Mono<Conversation> saved = claimed.status() == c.status() ? save(c, claimed, operator)
                    : transition(c, claimed, operator, EntryKind.STATUS, "Escalated by " + operator.displayName(), Map.of());
            return saved.flatMap(s -> assignment(s, operator, operator.displayName() + " joined the conversation"));
        }));
    }

    /** Hands the conversation back to the AI. */
    public Mono<Conversation> release(String orgId, Actor operator, UUID id) {
        return tx.transactional(lock(orgId, id).flatMap(c -> {
            Conversation released = c.release(operator);
            Mono<Conversation> saved = released.status() == c.status() ? save(c, released, operator)
                    : transition(c, released, operator, EntryKind.STATUS, "Handed back to the AI assistant", Map.of());
            return saved.flatMap(s -> c.assigneeId() == null ? Mono.just(s)
                    : assignment(s, operator, c.assigneeName() + " left the conversation"));
        }));
    }

    /** The visitor pressed "talk to a human": handoff-service decides, as for the AI's requests. */
    public Mono<Conversation> requestHandoffByVisitor(Owner owner, UUID id) {
        return tx.transactional(lockForOwner(owner, id).flatMap(c -> {
            if (c.status() != ConversationStatus.UNRESOLVED) {
                return Mono.error(new IllegalTransitionException("illegal-transition",
                        "Only a conversation with the AI can be handed off; this one is " + c.status() + "."));
            }
            HandoffRequested request = new HandoffRequested(UUID.randomUUID().toString(), c.id().toString(), c.orgId(),
                    HandoffTrigger.HUMAN_REQUEST, "The visitor asked for a person with the widget's button.",
                    c.lastMessagePreview() == null ? "The visitor asked for a person." : "Visitor: " + c.lastMessagePreview(),
                    null, "visitor", clock.instant());
            return outbox.publish(request).thenReturn(c);
        }));
    }

    /** Appends the AI's answer, unless the conversation left the AI meanwhile (then the reply is dropped). */
    public Mono<Void> applyReply(ReplyGenerated reply) {
        UUID id = UUID.fromString(reply.conversationId());
        return conversations.findForUpdate(reply.orgId(), id).flatMap(c -> {
            if (c.status() != ConversationStatus.UNRESOLVED) {
                log.info("Dropping AI reply {} for conversation {}: it is {}", reply.replyId(), id, c.status());
                meters.counter("supportchat.ai.replies.dropped", "status", c.status().name()).increment();
                return Mono.empty();
            }
            Map<String, Object> data = new HashMap<>();
            data.put("responder", reply.responder());
            data.put("sources", reply.sources().stream()
                .map(s -> Map.of("articleId", String.valueOf(s.articleId()), "title", String.valueOf(s.title())))
                .toList());
            if (reply.inReplyToMessageId() != null) {
                data.put("inReplyTo", reply.inReplyToMessageId());
            }
            return appendMessage(c, Actor.AI, reply.text(), data, null, clock.instant()).then();
        });
    }

    /** Accepted: ESCALATED with the handoff entry the widget shows. Declined: the AI says why and keeps it. */
    public Mono<Void> applyHandoffDecision(HandoffDecided decision) {
        UUID id = UUID.fromString(decision.conversationId());
        return conversations.findForUpdate(decision.orgId(), id).flatMap(c -> {
            if (c.status() != ConversationStatus.UNRESOLVED) {
                return Mono.empty();
            }
            if (!decision.accepted()) {
                return decision.visitorMessage() == null || decision.visitorMessage().isBlank() ? Mono.empty()
                        : appendMessage(c, Actor.AI, decision.visitorMessage(), Map.of("handoffDeclined", true), null,
                                clock.instant()).then();
            }
            String message = decision.visitorMessage() == null || decision.visitorMessage().isBlank()
                    ? "Connecting you with a team member - one moment please." : decision.visitorMessage();
            Map<String, Object> data = new HashMap<>();
            data.put("trigger", decision.trigger().name());
            data.put("summary", decision.summary() == null ? "" : decision.summary());
            data.put("status", ConversationStatus.ESCALATED.name());
            return transition(c, c.escalate(decision.trigger(), decision.summary()), Actor.SYSTEM, EntryKind.HANDOFF,
                    message, data).then();
        });
    }

    /**
     * Nobody from the team took the handoff in time: the AI takes the conversation back and says so, unless
     * an operator claimed it, answered it or it was resolved meanwhile (then nothing changes).
     */
    public Mono<Void> applyHandoffTimeout(HandoffTimedOut timedOut) {
        UUID id = UUID.fromString(timedOut.conversationId());
        return conversations.findForUpdate(timedOut.orgId(), id)
            .filter(c -> c.status() == ConversationStatus.ESCALATED && c.assigneeId() == null)
            .filterWhen(c -> conversations.hasHumanReply(c.orgId(), c.id()).map(replied -> !replied))
            .flatMap(c -> transition(c, c.handBackUnanswered(), Actor.SYSTEM, EntryKind.STATUS,
                    timedOut.visitorMessage(), Map.of("handedBack", true)))
            .then();
    }

    /** The visitor confirmed the AI solved it: resolve, if the AI still owns the conversation. */
    public Mono<Void> applyResolutionRequest(ResolutionRequested request) {
        UUID id = UUID.fromString(request.conversationId());
        return conversations.findForUpdate(request.orgId(), id)
            .filter(c -> c.status() == ConversationStatus.UNRESOLVED)
            .flatMap(c -> resolve(c, c.resolveByAi(clock.instant()), Actor.AI))
            .then();
    }

    private Mono<Posted> post(Conversation c, Actor author, String clientMessageId, String text) {
        return conversations.findByClientMessageId(c.orgId(), c.id(), author, clientMessageId)
            .map(existing -> new Posted(existing, false))
            .switchIfEmpty(Mono.defer(() -> {
                c.ensureAcceptsMessages();
                return appendMessage(c, author, text, Map.of(), clientMessageId, clock.instant())
                    .map(entry -> new Posted(entry, true));
            }));
    }

    private Mono<Entry> appendMessage(Conversation c, Actor author, String text, Map<String, Object> data,
            String clientMessageId, Instant now) {
        return conversations.append(c, EntryKind.MESSAGE, author, text, data, clientMessageId, now)
            .flatMap(entry -> outbox.publish(new MessageReceived(entry.id().toString(), c.id().toString(), c.orgId(),
                    entry.seq(), author.type(), author.id(), author.displayName(), text, clientMessageId, c.status(),
                    entry.createdAt(), entry.data()), entry.createdAt())
                .doOnSuccess(v -> meters.counter("supportchat.messages", "author", author.type().name()).increment())
                .thenReturn(entry));
    }

    private Mono<Conversation> resolve(Conversation before, Conversation after, Actor actor) {
        return transition(before, after, actor, EntryKind.STATUS, "Conversation resolved", Map.of())
            .flatMap(c -> outbox.publish(new SessionResolved(c.id().toString(), c.orgId(), actor.type(), actor.id(),
                    c.resolvedAt())).thenReturn(c));
    }

    /** Saves the new state, appends the entry that shows it in the thread and publishes the status change. */
    private Mono<Conversation> transition(Conversation before, Conversation after, Actor actor, EntryKind kind,
            String text, Map<String, Object> data) {
        Instant now = clock.instant();
        Map<String, Object> entryData = new HashMap<>(data);
        entryData.put("from", before.status().name());
        entryData.put("status", after.status().name());
        return save(before, after, actor)
            .flatMap(saved -> conversations.append(saved, kind, actor, text, entryData, null, now)
                .flatMap(entry -> outbox.publish(new ConversationStatusChanged(saved.id().toString(), saved.orgId(),
                        entry.seq(), before.status(), after.status(), after.handoffTrigger(), after.handoffSummary(),
                        actor.type(), actor.id(), now), now))
                .doOnSuccess(v -> meters.counter("supportchat.conversations.transitions", "to", after.status().name(),
                        "trigger", after.handoffTrigger() == null ? "none" : after.handoffTrigger().name()).increment())
                .thenReturn(saved));
    }

    private Mono<Conversation> save(Conversation before, Conversation after, Actor actor) {
        return conversations.saveTransition(after, actor, clock.instant()).flatMap(saved -> saved ? Mono.just(after)
                : Mono.error(new ConcurrentChangeException("The conversation changed meanwhile; try again.")));
    }

    private Mono<Conversation> assignment(Conversation c, Actor operator, String text) {
        Instant now = clock.instant();
        Map<String, Object> data = new HashMap<>();
        data.put("assigneeId", c.assigneeId() == null ? "" : c.assigneeId());
        data.put("assigneeName", c.assigneeName() == null ? "" : c.assigneeName());
        return conversations.append(c, EntryKind.ASSIGNMENT, operator, text, data, null, now)
            .flatMap(entry -> outbox.publish(new ConversationAssigned(c.id().toString(), c.orgId(), entry.seq(),
                    c.assigneeId(), c.assigneeName(), now), now))
            .thenReturn(c);
    }

    private Mono<Conversation> lock(String orgId, UUID id) {
        return conversations.findForUpdate(orgId, id).switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)));
    }

    private Mono<Conversation> lockForOwner(Owner owner, UUID id) {
        return lock(owner.orgId(), id).filter(c -> c.ownerKey().equals(owner.ownerKey()))
            .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)));
    }

    /** A started conversation; {@code created} is false when a retried request found the one it made before. */
    public record Started(Conversation conversation, Entry firstMessage, boolean created) {
    }

    /** A stored message; {@code created} is false when the clientMessageId was already stored. */
    public record Posted(Entry message, boolean created) {
    }

    /** The org does not show the visitor a close button. */
    public static class VisitorCloseDisabledException extends RuntimeException {

        public VisitorCloseDisabledException() {
            super("Visitors cannot close conversations on this site; the team will close it when it is done.");
        }
    }
}
