package com.supportchat.conversation.inbound;

import reactor.core.publisher.Mono;

import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.events.ReplyGenerated;
import com.supportchat.events.ResolutionRequested;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

import org.springframework.stereotype.Component;

/** What ai-responder-service decided about a conversation: a reply to post, or the conversation to resolve. */
@Component
class AiResponderOutcomes {

    private final ConversationService conversations;

    AiResponderOutcomes(ConversationService conversations) {
        this.conversations = conversations;
    }

    @EventHandler(topic = Topics.REPLY_GENERATED, consumer = "conversation.reply-generated")
    Mono<Void> replyGenerated(ReplyGenerated reply) {
        return conversations.applyReply(reply);
    }

    @EventHandler(topic = Topics.RESOLUTION_REQUESTED, consumer = "conversation.resolution-requested")
    Mono<Void> resolutionRequested(ResolutionRequested request) {
        return conversations.applyResolutionRequest(request);
    }
}
