package com.supportchat.events;

/**
 * What every published record tells the outbox: where it goes and under which stable wire name. The
 * CloudEvents {@code subject} is the Kafka key, the conversation id for conversation events.
 */
public interface PublishedEvent {

    String topic();

    /** Versioned CloudEvents type, e.g. {@code com.supportchat.conversation.message-received.v1}. */
    String type();

    String subject();

    String orgId();
}
