package com.supportchat.notification.delivery;

import reactor.core.publisher.Mono;

import com.supportchat.events.ConversationAssigned;
import com.supportchat.events.HandoffDecided;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.SessionResolved;
import com.supportchat.events.Topics;
import com.supportchat.messaging.AfterCommit;
import com.supportchat.messaging.EventHandler;
import com.supportchat.messaging.IncomingEvent;

import org.springframework.stereotype.Component;

/**
 * Plans the notifications a conversation's events call for, and stops reminders once someone answers. Batched: the
 * handlers only plan deliveries in the database (sending is the {@link DeliveryDispatcher}'s job, which retries by
 * itself), and the dispatcher is woken only after the batch commits, when the planned rows (or the closed reminders)
 * are visible to it.
 */
@Component
class HandoffAlerts {

    private final Notifier notifier;
    private final DeliveryDispatcher dispatcher;

    HandoffAlerts(Notifier notifier, DeliveryDispatcher dispatcher) {
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    /** Accepted handoffs become notifications, planned once per event. */
    @EventHandler(topic = Topics.HANDOFF_DECIDED, consumer = "notification.handoff-decided")
    Mono<Void> handoffDecided(HandoffDecided decided, IncomingEvent envelope) {
        return notifier.handoffDecided(decided, envelope.id()).then(wakeDispatcher());
    }

    /** Keeps recent messages for emails, notices operator replies, and notifies on visitor messages in escalated conversations. */
    @EventHandler(topic = Topics.MESSAGE_RECEIVED, consumer = "notification.message-received")
    Mono<Void> messageReceived(MessageReceived message, IncomingEvent envelope) {
        return notifier.messageReceived(message, envelope.id()).then(wakeDispatcher());
    }

    /** A claimed conversation has a human: its handoff needs no more reminders. */
    @EventHandler(topic = Topics.CONVERSATION_ASSIGNED, consumer = "notification.conversation-assigned")
    Mono<Void> conversationAssigned(ConversationAssigned assigned) {
        return (assigned.operatorId() == null ? Mono.<Void>empty() : notifier.answered(assigned.conversationId()))
            .then(wakeDispatcher());
    }

    /** A resolved conversation needs no more reminders. */
    @EventHandler(topic = Topics.SESSION_RESOLVED, consumer = "notification.session-resolved")
    Mono<Void> sessionResolved(SessionResolved resolved) {
        return notifier.answered(resolved.conversationId()).then(wakeDispatcher());
    }

    private Mono<Void> wakeDispatcher() {
        return AfterCommit.run(dispatcher::wakeUp);
    }
}
