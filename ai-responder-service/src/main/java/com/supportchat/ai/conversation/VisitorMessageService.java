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
import com.supportchat.ai.responder.ResponderChain;
import com.supportchat.ai.responder.ResponderOutcome;
import com.supportchat.ai.responder.ResponderProperties;
import com.supportchat.ai.responder.ResponderRequest;
import com.supportchat.ai.responder.Turn;
import com.supportchat.ai.settings.AiSettings;
import com.supportchat.ai.settings.AiSettingsService;
import com.supportchat.ai.settings.HandoffSettingsStore;
import com.supportchat.ai.trigger.Detection;
import com.supportchat.ai.trigger.TriggerDetector;
import com.supportchat.ai.trigger.TriggerSettings;
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
    static final String NO_HUMAN_AVAILABLE = "I'm sorry, a human agent isn't available in this chat. I'm happy to help "
            + "you myself, though: what would you like to know?";
    static final String TOPIC_NOT_SUPPORTED = "I'm sorry, I can't help with that topic here.";
    static final String EMPATHY = "I'm sorry this has been frustrating. ";
    static final String RESOLVED_REPLY = "You're welcome, I'm glad that helped! I'll close this conversation now; "
            + "you can start a new one any time.";
    static final String ANYTHING_ELSE = "You're welcome! Is there anything else I can help you with?";
    static final String KEEP_TRYING = " Could you rephrase your question, or ask me something else?";
    /** How long the AI stays silent waiting for handoff-service's decision on its request. */
    static final Duration HANDOFF_PENDING = Duration.ofMinutes(2);
    /** After a decline, how long the AI does not ask for a human again on its own (explicit requests still go). */
    static final Duration QUIET_AFTER_DECLINE = Duration.ofMinutes(10);

    private final ConversationStore store;
    private final HandoffSettingsStore handoffSettings;
    private final AiSettingsService aiSettings;
    private final TriggerDetector detector;
    private final ResponderChain responders;
    private final Outbox outbox;
    private final ReplyJobStore jobs;
    private final TransactionalOperator tx;
    private final ResponderProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;

    VisitorMessageService(ConversationStore store, HandoffSettingsStore handoffSettings, AiSettingsService aiSettings,
            ResponderChain responders, Outbox outbox, ReplyJobStore jobs, TransactionalOperator tx,
            ResponderProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.handoffSettings = handoffSettings;
        this.aiSettings = aiSettings;
        this.detector = new TriggerDetector();
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
        Mono<Boolean> completed = aiSettings.get(message.orgId())
            .flatMap(settings -> reaction(message, settings, job.receivedAt()))
            .flatMap(reaction -> tx.transactional(jobs.complete(job)
                .flatMap(mine -> mine ? stillTheAis(message).flatMap(ais -> ais ? reaction.apply().thenReturn(true)
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

    /** An operator may have taken the conversation over (or it was resolved) while the model was answering. */
    private Mono<Boolean> stillTheAis(MessageReceived message) {
        return store.context(message.conversationId(), message.orgId())
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
                TriggerSettings triggers = loaded.getT1();
                // what was said before this message: not the message itself, nor the visitor's later ones (a reply
                // job may run after the visitor has written again)
                List<StoredMessage> history = loaded.getT2().stream()
                    .filter(m -> !m.messageId().equals(message.messageId()))
                    .filter(m -> m.authorType() != AuthorType.VISITOR || m.seq() < message.seq())
                    .toList();
                List<String> earlierVisitorTexts = history.stream()
                    .filter(m -> m.authorType() == AuthorType.VISITOR)
                    .map(StoredMessage::text)
                    .toList();
                Detection detection = detector.detect(message.text(), triggers, earlierVisitorTexts);
                Turn[] turns = history.stream().map(VisitorMessageService::turn).filter(t -> t != null).toArray(Turn[]::new);
                ResponderRequest request = new ResponderRequest(message.orgId(), message.conversationId(),
                        message.messageId(), message.text(), List.of(turns), settings);
                return switch (detection.signal()) {
                    case HUMAN_REQUEST -> triggers.mayHandOff(HandoffTrigger.HUMAN_REQUEST)
                            ? now(() -> handOff(message, HandoffTrigger.HUMAN_REQUEST, detection.reason(), history, null))
                            : now(() -> reply(message, NO_HUMAN_AVAILABLE, List.of(), BuiltInResponder.NAME));
                    case CUSTOM_PHRASE -> triggers.mayHandOff(HandoffTrigger.CUSTOM_PHRASE)
                            ? now(() -> handOff(message, HandoffTrigger.CUSTOM_PHRASE, detection.reason(), history, null))
                            : respond(message, context, triggers, request, history, "");
                    case FORBIDDEN_TOPIC -> triggers.mayHandOff(HandoffTrigger.FORBIDDEN_TOPIC)
                            ? now(() -> handOff(message, HandoffTrigger.FORBIDDEN_TOPIC, detection.reason(), history, null))
                            : now(() -> reply(message, TOPIC_NOT_SUPPORTED, List.of(), BuiltInResponder.NAME));
                    case FRUSTRATION -> triggers.mayHandOff(HandoffTrigger.FRUSTRATION)
                            ? now(() -> handOff(message, HandoffTrigger.FRUSTRATION, detection.reason(), history, null))
                            : respond(message, context, triggers, request, history, EMPATHY);
                    case RESOLUTION -> hasBeenAnswered(history)
                            ? now(() -> resolve(message, RESOLVED_REPLY, BuiltInResponder.NAME, detection.reason()))
                            : now(() -> reply(message, ANYTHING_ELSE, List.of(), BuiltInResponder.NAME));
                    case NONE -> respond(message, context, triggers, request, history, "");
                };
            });
    }

    private static Mono<Reaction> now(Reaction reaction) {
        return Mono.just(reaction);
    }

    /** Asks the responder (the model, if the org has one) first; the reaction to its outcome is applied later. */
    private Mono<Reaction> respond(MessageReceived message, ConversationContext context, TriggerSettings triggers,
            ResponderRequest request, List<StoredMessage> history, String prefix) {
        boolean mayAskForHuman = !context.recentlyDeclined(clock.instant(), QUIET_AFTER_DECLINE);
        return responders.respond(request)
            .map(outcome -> () -> onOutcome(message, context, triggers, history, prefix, mayAskForHuman, outcome));
    }

    private Mono<Void> onOutcome(MessageReceived message, ConversationContext context, TriggerSettings triggers,
            List<StoredMessage> history, String prefix, boolean mayAskForHuman, ResponderOutcome outcome) {
        if (outcome instanceof ResponderOutcome.Answered answered) {
            return reply(message, prefix + answered.text(), answered.sources(), answered.responder())
                .then(answered.smallTalk() || context.consecutiveFailures() == 0 ? Mono.empty()
                        : store.failures(message.conversationId(), 0));
        }
        if (outcome instanceof ResponderOutcome.Unanswered unanswered) {
            int failures = context.consecutiveFailures() + 1;
            Mono<Void> said = store.failures(message.conversationId(), failures)
                .then(reply(message, prefix + unanswered.text(), List.of(), unanswered.responder()));
            if (mayAskForHuman && failures >= properties.unproductiveAfter()
                    && triggers.mayHandOff(HandoffTrigger.UNPRODUCTIVE)) {
                return said.then(handOff(message, HandoffTrigger.UNPRODUCTIVE,
                        failures + " questions in a row went unanswered", history, null));
            }
            if (mayAskForHuman && triggers.mayHandOff(HandoffTrigger.AI_DECISION)) {
                return said.then(handOff(message, HandoffTrigger.AI_DECISION, unanswered.reason(), history, null));
            }
            return store.failures(message.conversationId(), failures)
                .then(reply(message, prefix + unanswered.text() + KEEP_TRYING, List.of(), unanswered.responder()));
        }
        if (outcome instanceof ResponderOutcome.HandoffWanted wanted) {
            Mono<Void> said = wanted.text() == null ? Mono.empty()
                    : reply(message, prefix + wanted.text(), List.of(), wanted.responder());
            if (mayAskForHuman && triggers.mayHandOff(HandoffTrigger.AI_DECISION)) {
                return said.then(handOff(message, HandoffTrigger.AI_DECISION, wanted.reason(), history,
                        wanted.summary()));
            }
            return wanted.text() != null ? said
                    : reply(message, "I'm sorry, I can't answer that one." + KEEP_TRYING, List.of(), wanted.responder());
        }
        ResponderOutcome.ResolutionWanted resolution = (ResponderOutcome.ResolutionWanted) outcome;
        return resolve(message, resolution.text() != null ? resolution.text() : RESOLVED_REPLY,
                resolution.responder(), "the model saw the visitor confirm the issue is solved");
    }

    private Mono<Void> reply(MessageReceived message, String text, List<ReplyGenerated.Source> sources, String responder) {
        meters.counter("supportchat.ai.replies", "responder", responder).increment();
        return outbox.publish(new ReplyGenerated(UUID.randomUUID().toString(), message.conversationId(), message.orgId(),
                message.messageId(), text, sources, responder, clock.instant()));
    }

    private Mono<Void> handOff(MessageReceived message, HandoffTrigger trigger, String reason, List<StoredMessage> history,
            String modelSummary) {
        Instant now = clock.instant();
        meters.counter("supportchat.ai.handoffs.requested", "trigger", trigger.name()).increment();
        String summary = HandoffSummary.of(message.text(), history, reason, modelSummary);
        return outbox.publish(new HandoffRequested(UUID.randomUUID().toString(), message.conversationId(),
                message.orgId(), trigger, reason, summary, message.messageId(), SOURCE_AI, now))
            .then(store.handoffRequested(message.conversationId(), now));
    }

    private Mono<Void> resolve(MessageReceived message, String text, String responder, String reason) {
        meters.counter("supportchat.ai.resolutions.requested").increment();
        return reply(message, text, List.of(), responder)
            .then(outbox.publish(new ResolutionRequested(message.conversationId(), message.orgId(), message.messageId(),
                    reason, clock.instant())));
    }

    /** "Thanks, that helps" means something only after someone has answered. */
    private static boolean hasBeenAnswered(List<StoredMessage> history) {
        return history.stream().anyMatch(m -> m.authorType() == AuthorType.AI || m.authorType() == AuthorType.OPERATOR);
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
