package com.supportchat.events;

/** Events of the conversation aggregate, published by conversation-service. */
public sealed interface ConversationEvent extends PublishedEvent
        permits MessageReceived, ConversationStatusChanged, ConversationAssigned, SessionResolved {

    String conversationId();

    @Override
    default String subject() {
        return conversationId();
    }
}
