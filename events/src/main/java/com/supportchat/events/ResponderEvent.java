package com.supportchat.events;

/** Events published by ai-responder-service about one conversation. */
public sealed interface ResponderEvent extends PublishedEvent permits ReplyGenerated, ResolutionRequested {

    String conversationId();

    @Override
    default String subject() {
        return conversationId();
    }
}
