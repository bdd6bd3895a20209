package com.supportchat.ai.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import com.supportchat.ai.responder.BuiltInResponder;
import com.supportchat.ai.responder.Replies;
import com.supportchat.ai.responder.ResponderChain;
import com.supportchat.ai.responder.ResponderOutcome;
import com.supportchat.ai.responder.ResponderProperties;
import com.supportchat.ai.responder.ResponderRequest;
import com.supportchat.ai.settings.AiSettings;
import com.supportchat.ai.settings.AiSettingsService;
import com.supportchat.ai.settings.HandoffSettingsStore;
import com.supportchat.ai.understanding.IntentReader;
import com.supportchat.ai.understanding.Language;
import com.supportchat.ai.understanding.Reading;
import com.supportchat.ai.understanding.Signal;
import com.supportchat.ai.understanding.TriggerSettings;
import com.supportchat.ai.understanding.Turn;
import com.supportchat.ai.understanding.Understanding;
import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.HandoffRequested;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.ReplyGenerated;
import com.supportchat.events.ResolutionRequested;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Turns a visitor message into the AI's reaction. Deterministic trigger detection runs first; only a message
 * with no trigger reaches a responder. Every outcome is published through the outbox, inside the transaction
 * in which {@code InboundEvents} records the message as processed, or for a model's reply the one that ends its
 * {@link ReplyJob}, so a redelivered message never produces a second reply.
 */
@Service
public class VisitorMessageService {

    static final String SOURCE_AI = "ai";
    /** How long the AI stays silent waiting for handoff-service's decision on its request. */
    static final Duration HANDOFF_PENDING = Duration.ofMinutes(2);
    /** After a decline, how long the AI does not ask for a human again on its own (explicit requests still go). */
    static final Duration QUIET_AFTER_DECLINE = Duration.ofMinutes(10);

    private final ConversationStore store;
    private final HandoffSettingsStore handoffSettings;
    private final AiSettingsService aiSettings;
    private final Understanding understanding;
    private final ResponderChain responders;
    private final Outbox outbox;
    private final ReplyJobStore jobs;
    private final TransactionalOperator tx;
    private final ResponderProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;

    VisitorMessageService(ConversationStore store, HandoffSettingsStore handoffSettings, AiSettingsService aiSettings,
            Understanding understanding, ResponderChain responders, Outbox outbox, ReplyJobStore jobs,
            TransactionalOperator tx, ResponderProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.handoffSettings = handoffSettings;
        this.aiSettings = aiSettings;
        this.understanding = understanding;
        this.responders = responders;
        this.outbox = outbox;
        this.jobs = jobs;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.latency = Timer.builder("supportchat.ai.latency").description("visitor message to the AI's decision")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
    }

    /**
     * Remembers every message; reacts to visitor messages on conversations the AI is responsible for. The reaction
     * is part of the caller's transaction when no model is involved (trigger detection and the built-in responder
     * take milliseconds). A reply that waits for a model becomes a {@link ReplyJob} instead, answered off the Kafka
     * consumer by {@link ReplyWorker}, so one slow model call does not hold up the messages behind it.
     */
    public Mono<Void> onMessage(MessageReceived message) {
        Mono<Void> remember = store.remember(message);
        if (message.authorType() != AuthorType.VISITOR || message.conversationStatus() != ConversationStatus.UNRESOLVED
                || message.text() == null || message.text().isBlank()) {
            return remember;
        }
        Instant received = clock.instant();
        return remember.then(aiSettings.get(message.orgId()))
            .flatMap(settings -> responders.callsModel(settings) ? jobs.enqueue(message, received)
                    : reaction(message, settings, received)
                        .flatMap(Reaction::apply)
                        .doOnSuccess(done -> latency.record(Duration.between(received, clock.instant()))));
    }

    /**
     * Answers a {@link ReplyJob}: everything is read and the model is called outside any transaction; the reaction
     * is published in the transaction that ends the job, and only if the job's claim still holds it.
     */
    Mono<Void> reactTo(ReplyJob job) {
        MessageReceived message = job.message();
        if (message == null) {
            return Mono.error(new IllegalStateException("the stored message-received event cannot be read"));
        }
        Mono<Boolean> completed = aiSettings.get(message.orgId())
            .flatMap(settings -> reaction(message, settings, job.receivedAt()))
            .flatMap(reaction -> tx.transactional(jobs.complete(job)
                .flatMap(mine -> mine ? stillTheAis(message.conversationId(), message.orgId()).flatMap(ais -> ais ? reaction.apply().thenReturn(true)
                        : Mono.just(false)) : Mono.just(false))))
            .switchIfEmpty(tx.transactional(jobs.complete(job)).thenReturn(false));
        return completed
            .doOnNext(reacted -> {
                if (reacted) {
                    latency.record(Duration.between(job.receivedAt(), clock.instant()));
                }
            })
            .then();
    }

    /**
     * Ends a {@link ReplyJob} that failed its last attempt: the job is dead (kept, never tried again) and, in the same
     * transaction, the visitor gets the built-in apology, as when the model fails, rather than silence; nothing if an
     * operator has the conversation now or another attempt holds the job. The stored event may be unreadable, so only
     * the row's ids are used, and the apology is in English.
     */
    Mono<Void> giveUp(ReplyJob job, String reason) {
        return tx.transactional(jobs.die(job, reason)
            .flatMap(mine -> mine ? stillTheAis(job.conversationId(), job.orgId()) : Mono.just(false))
            .flatMap(ais -> ais ? reply(job.conversationId(), job.orgId(), job.messageId(),
                    Replies.text(Language.EN, "cannot-answer") + Replies.text(Language.EN, "keep-trying"), List.of(),
                    BuiltInResponder.NAME) : Mono.empty()));
    }

    /** An operator may have taken the conversation over (or it was resolved) while the model was answering. */
    private Mono<Boolean> stillTheAis(String conversationId, String orgId) {
        return store.context(conversationId, orgId)
            .map(context -> context.status() == ConversationStatus.UNRESOLVED);
    }

    /** What the AI does about the message, or nothing when it is to stay silent; writes nothing until applied. */
    private Mono<Reaction> reaction(MessageReceived message, AiSettings settings, Instant received) {
        return store.context(message.conversationId(), message.orgId())
            .filter(context -> !context.silent(received, HANDOFF_PENDING))
            .flatMap(context -> react(message, context, settings));
    }

    /** The writes of one reaction (events through the outbox, the conversation's context), run when applied. */
    @FunctionalInterface
    private interface Reaction {
        Mono<Void> apply();
    }

    public Mono<Void> onStatusChanged(String conversationId, String orgId, ConversationStatus status, Instant at) {
        return store.status(conversationId, orgId, status, at);
    }

    /** Accepted: the conversation is the humans' now. Declined: the AI keeps it. */
    public Mono<Void> onHandoffDecided(HandoffDecided decision) {
        Instant at = decision.decidedAt() == null ? clock.instant() : decision.decidedAt();
        if (decision.accepted()) {
            return store.status(decision.conversationId(), decision.orgId(), ConversationStatus.ESCALATED, at);
        }
        return store.context(decision.conversationId(), decision.orgId())
            .then(store.handoffDeclined(decision.conversationId(), at));
    }

    private Mono<Reaction> react(MessageReceived message, ConversationContext context, AiSettings settings) {
        return Mono.zip(handoffSettings.triggerSettings(message.orgId()),
                store.recent(message.conversationId(), properties.historySize() + 1))
            .flatMap(loaded -> {
                // what was said before this message: not the message itself, nor the visitor's later ones (a reply
                // job may run after the visitor has written again)
                List<StoredMessage> history = loaded.getT2().stream()
                    .filter(m -> !m.messageId().equals(message.messageId()))
                    .filter(m -> m.authorType() != AuthorType.VISITOR || m.seq() < message.seq())
                    .toList();
                List<Turn> turns = history.stream().map(VisitorMessageService::turn).filter(t -> t != null).toList();
                boolean mayAskForHuman = !context.recentlyDeclined(clock.instant(), QUIET_AFTER_DECLINE);
                return plan(message.orgId(), message.conversationId(), message.messageId(), message.text(), turns,
                        settings, loaded.getT1(), context.consecutiveFailures(), mayAskForHuman)
                    .map(plan -> () -> carryOut(message, history, plan));
            });
    }

    /**
     * What the AI would do about a message, written nowhere: the playground's answer, on the same code path and with
     * the org's current settings as a real message (a fresh conversation: no unanswered questions before, no declined
     * handoff). The org's model, if it has one, is asked.
     */
    public Mono<Plan> rehearse(String orgId, String text, List<Turn> history) {
        return Mono.zip(aiSettings.get(orgId), handoffSettings.triggerSettings(orgId))
            .flatMap(loaded -> plan(orgId, "playground", "playground", text, history, loaded.getT1(), loaded.getT2(), 0,
                    true));
    }

    private Mono<Plan> plan(String orgId, String conversationId, String messageId, String text, List<Turn> turns,
            AiSettings settings, TriggerSettings handoff, int failures, boolean mayAskForHuman) {
        TriggerSettings triggers = handoff.withInstructions(settings.customHandoffInstructions());
        return understanding.read(text, turns, triggers).flatMap(reading -> {
            ResponderRequest request = new ResponderRequest(orgId, conversationId, messageId, text, turns, settings, reading);
            return decide(request, triggers, failures, mayAskForHuman, reading);
        });
    }

    /** The first signal the org acts on decides; a message with none is answered. */
    private Mono<Plan> decide(ResponderRequest request, TriggerSettings triggers, int failures, boolean mayAskForHuman,
            Reading reading) {
        Language language = reading.language();
        Signal signal = actedOn(reading, triggers);
        if (signal == null) {
            return respond(request, triggers, failures, mayAskForHuman, "");
        }
        String reason = reading.reason(signal);
        return switch (signal) {
            case HUMAN_REQUEST -> triggers.mayHandOff(HandoffTrigger.HUMAN_REQUEST)
                    ? Mono.just(Plan.handoff(reading, HandoffTrigger.HUMAN_REQUEST, reason))
                    : Mono.just(Plan.reply(reading, fixed(language, "no-human-available")));
            case CUSTOM_PHRASE -> triggers.mayHandOff(HandoffTrigger.CUSTOM_PHRASE)
                    ? Mono.just(Plan.handoff(reading, HandoffTrigger.CUSTOM_PHRASE, reason))
                    : respond(request, triggers, failures, mayAskForHuman, "");
            case FORBIDDEN_TOPIC -> triggers.mayHandOff(HandoffTrigger.FORBIDDEN_TOPIC)
                    ? Mono.just(Plan.handoff(reading, HandoffTrigger.FORBIDDEN_TOPIC, reason))
                    : Mono.just(Plan.reply(reading, fixed(language, "topic-not-supported")));
            case FRUSTRATION -> triggers.mayHandOff(HandoffTrigger.FRUSTRATION)
                    ? Mono.just(Plan.handoff(reading, HandoffTrigger.FRUSTRATION, reason))
                    : respond(request, triggers, failures, mayAskForHuman, Replies.text(language, "empathy"));
            case RESOLUTION -> Mono.just(new Plan(reading, fixed(language, "resolved"), null, new Plan.Resolution(reason),
                    null));
        };
    }

    private static Plan.Reply fixed(Language language, String key) {
        return new Plan.Reply(Replies.text(language, key), List.of(), BuiltInResponder.NAME, null);
    }

    /**
     * The signal the org acts on: a request for a person always (the visitor gets an honest answer even when handoff
     * is off), a resolution always, the other triggers only when the org has them active.
     */
    static Signal actedOn(Reading reading, TriggerSettings triggers) {
        for (Signal signal : Signal.values()) {
            if (!reading.has(signal)) {
                continue;
            }
            if (signal == Signal.HUMAN_REQUEST || signal == Signal.RESOLUTION
                    || triggers.isActive(IntentReader.trigger(signal))) {
                return signal;
            }
        }
        return null;
    }

    /** Asks the responder (the model, if the org has one) and plans what to do with its outcome. */
    private Mono<Plan> respond(ResponderRequest request, TriggerSettings triggers, int failures, boolean mayAskForHuman,
            String prefix) {
        return responders.respond(request)
            .map(outcome -> onOutcome(request.reading(), triggers, failures, mayAskForHuman, prefix, outcome));
    }

    private Plan onOutcome(Reading reading, TriggerSettings triggers, int failures, boolean mayAskForHuman, String prefix,
            ResponderOutcome outcome) {
        Language language = reading.language();
        if (outcome instanceof ResponderOutcome.Answered answered) {
            return new Plan(reading, new Plan.Reply(prefix + answered.text(), answered.sources(), answered.responder(),
                    answered.confidence()), null, null, answered.smallTalk() || failures == 0 ? null : 0);
        }
        if (outcome instanceof ResponderOutcome.Unanswered unanswered) {
            int now = failures + 1;
            Plan.Reply said = new Plan.Reply(prefix + unanswered.text(), List.of(), unanswered.responder(),
                    unanswered.confidence());
            if (mayAskForHuman && now >= properties.unproductiveAfter() && triggers.mayHandOff(HandoffTrigger.UNPRODUCTIVE)) {
                return new Plan(reading, said, new Plan.Handoff(HandoffTrigger.UNPRODUCTIVE,
                        now + " questions in a row went unanswered", null), null, now);
            }
            if (mayAskForHuman && triggers.mayHandOff(HandoffTrigger.AI_DECISION)) {
                return new Plan(reading, said, new Plan.Handoff(HandoffTrigger.AI_DECISION, unanswered.reason(), null),
                        null, now);
            }
            return new Plan(reading, new Plan.Reply(said.text() + Replies.text(language, "keep-trying"), List.of(),
                    unanswered.responder(), unanswered.confidence()), null, null, now);
        }
        if (outcome instanceof ResponderOutcome.HandoffWanted wanted) {
            Plan.Reply said = wanted.text() == null ? null
                    : new Plan.Reply(prefix + wanted.text(), List.of(), wanted.responder(), null);
            if (mayAskForHuman && triggers.mayHandOff(HandoffTrigger.AI_DECISION)) {
                return new Plan(reading, said, new Plan.Handoff(HandoffTrigger.AI_DECISION, wanted.reason(),
                        wanted.summary()), null, null);
            }
            return Plan.reply(reading, said != null ? said : new Plan.Reply(Replies.text(language, "cannot-answer")
                    + Replies.text(language, "keep-trying"), List.of(), wanted.responder(), null));
        }
        ResponderOutcome.ResolutionWanted resolution = (ResponderOutcome.ResolutionWanted) outcome;
        return new Plan(reading, new Plan.Reply(resolution.text() != null ? resolution.text()
                : Replies.text(language, "resolved"), List.of(), resolution.responder(), null), null,
                new Plan.Resolution("the model saw the visitor confirm the issue is solved"), null);
    }

    /** Publishes what the plan says, in the caller's transaction: the failures count, the reply, the request(s). */
    private Mono<Void> carryOut(MessageReceived message, List<StoredMessage> history, Plan plan) {
        Mono<Void> done = plan.failures() == null ? Mono.empty() : store.failures(message.conversationId(), plan.failures());
        if (plan.reply() != null) {
            done = done.then(reply(message.conversationId(), message.orgId(), message.messageId(), plan.reply().text(),
                    plan.reply().sources(), plan.reply().responder()));
        }
        if (plan.handoff() != null) {
            done = done.then(handOff(message, plan.handoff().trigger(), plan.handoff().reason(), history,
                    plan.handoff().modelSummary(), plan.reading()));
        }
        if (plan.resolution() != null) {
            done = done.then(resolve(message, plan.resolution().reason()));
        }
        return done;
    }

    private Mono<Void> reply(String conversationId, String orgId, String inReplyTo, String text,
            List<ReplyGenerated.Source> sources, String responder) {
        meters.counter("supportchat.ai.replies", "responder", responder).increment();
        return outbox.publish(new ReplyGenerated(UUID.randomUUID().toString(), conversationId, orgId, inReplyTo, text,
                sources, responder, clock.instant()));
    }

    private Mono<Void> handOff(MessageReceived message, HandoffTrigger trigger, String reason, List<StoredMessage> history,
            String modelSummary, Reading reading) {
        Instant now = clock.instant();
        meters.counter("supportchat.ai.handoffs.requested", "trigger", trigger.name()).increment();
        boolean justARequest = reading.has(Signal.HUMAN_REQUEST) && message.text().strip().split("\\s+").length <= 6;
        String summary = HandoffSummary.of(message.text(), justARequest, history, reason, modelSummary);
        return outbox.publish(new HandoffRequested(UUID.randomUUID().toString(), message.conversationId(),
                message.orgId(), trigger, reason, summary, message.messageId(), SOURCE_AI, now,
                reading.language().code()))
            .then(store.handoffRequested(message.conversationId(), now));
    }

    private Mono<Void> resolve(MessageReceived message, String reason) {
        meters.counter("supportchat.ai.resolutions.requested").increment();
        return outbox.publish(new ResolutionRequested(message.conversationId(), message.orgId(), message.messageId(),
                reason, clock.instant()));
    }

    private static Turn turn(StoredMessage message) {
        return switch (message.authorType()) {
            case VISITOR -> new Turn(Turn.Speaker.VISITOR, message.text());
            case AI -> new Turn(Turn.Speaker.AI, message.text());
            case OPERATOR -> new Turn(Turn.Speaker.OPERATOR, message.text());
            case SYSTEM -> null;
        };
    }
}
