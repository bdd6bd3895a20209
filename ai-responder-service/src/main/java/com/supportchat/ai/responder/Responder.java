package com.supportchat.ai.responder;

import reactor.core.publisher.Mono;

/** Produces the AI's reaction to one visitor message that trigger detection let through. */
public interface Responder {

    /** Name carried in {@code ReplyGenerated.responder}: {@code builtin} or {@code openai}. */
    String name();

    Mono<ResponderOutcome> respond(ResponderRequest request);
}
