package com.supportchat.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one topic's events. The messaging starter finds these methods,
 * creates the Kafka listener containers itself (one per consumer group) and applies every event through
 * {@link InboundEvents}: exactly once per {@link #consumer()}, in order per key, in batches, with retries by failure
 * class and the one dead-letter path ({@link DeadLetters}).
 *
 * <p>The method returns {@code Mono<Void>} (or any {@code Mono}) and takes the event's data, the envelope, or both:
 * <pre>{@code
 * @EventHandler(topic = Topics.SESSION_RESOLVED, consumer = "handoff.session-resolved")
 * Mono<Void> sessionResolved(SessionResolved event) { ... }
 *
 * @EventHandler(topic = Topics.HANDOFF_REQUESTED, consumer = "handoff.handoff-requested")
 * Mono<Void> handoffRequested(HandoffRequested request, IncomingEvent envelope) { ... }
 * }</pre>
 * A data type with a {@code TYPE} constant (every published-language record has one) says which CloudEvent type the
 * handler wants: records of other types on the topic are skipped without decoding their JSON. A handler that takes
 * only the {@link IncomingEvent} wants every type of its topic. Guard clauses throw (or return as an error)
 * {@link PoisonEventException} to send an event to the dead-letter topic at once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventHandler {

    /** The topic the handler reads. */
    String topic();

    /**
     * The name under which applied event ids are recorded ({@code processed_event.consumer}) and which the
     * dead-letter headers and metrics carry. Changing it makes the handler apply everything it is redelivered again.
     */
    String consumer();

    /**
     * The consumer group; placeholders are resolved once per group (so {@code ${random.uuid}} gives one group per
     * instance, shared by every handler that names the same expression). Empty: the service's group,
     * {@code spring.kafka.consumer.group-id}.
     */
    String group() default "";

    /**
     * Kafka consumer properties of this group's container, as {@code name=value}, e.g.
     * {@code auto.offset.reset=latest}. Every handler of one group must name the same ones.
     */
    String[] properties() default {};

    /**
     * For ephemeral effects (pushing to live streams, refreshing an in-memory index) that every instance must see:
     * no exactly-once record and no retries; a failure is logged and the event skipped. Still in order per key.
     */
    boolean observe() default false;

    /**
     * Whether the handler may be applied together with the other events of one poll in one database transaction.
     * Opt out ({@code false}, with a comment saying why) when the handler has an effect outside the database that
     * must not run again when a batch rolls back and its events are applied one by one.
     */
    boolean batched() default true;
}
