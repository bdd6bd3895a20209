package com.supportchat.ai.responder;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.supportchat.ai.settings.AiSettings;

import org.springframework.stereotype.Component;

/**
 * Picks the responder for an org: the model when one is configured (org key or deployment key, and the org has
 * not switched it off), else the built-in one. Whatever goes wrong with the model (time-out, 429, 5xx, open
 * circuit, full bulkhead, a body it cannot read) ends in the built-in answer within {@code replyDeadline}.
 */
@Component
public class ResponderChain {

    private static final Logger log = LoggerFactory.getLogger(ResponderChain.class);

    private final BuiltInResponder builtIn;
    private final OpenAiResponder openAi;
    private final ResponderProperties properties;
    private final MeterRegistry meters;

    ResponderChain(BuiltInResponder builtIn, OpenAiResponder openAi, ResponderProperties properties, MeterRegistry meters) {
        this.builtIn = builtIn;
        this.openAi = openAi;
        this.properties = properties;
        this.meters = meters;
    }

    /** Whether the org's messages are answered by a model (a network call of up to {@code replyDeadline}). */
    public boolean callsModel(AiSettings settings) {
        return openAi.configuredFor(settings);
    }

    public Mono<ResponderOutcome> respond(ResponderRequest request) {
        if (!callsModel(request.settings())) {
            return builtIn.respond(request);
        }
        return openAi.respond(request)
            .timeout(properties.replyDeadline())
            .onErrorResume(ex -> {
                String cause = OpenAiResponder.describe(ex);
                log.warn("Model call for conversation {} failed ({}); answering with the built-in responder",
                        request.conversationId(), cause);
                meters.counter("supportchat.ai.model.fallbacks", "cause", ex.getClass().getSimpleName()).increment();
                return builtIn.respond(request);
            });
    }
}
