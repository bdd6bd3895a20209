package com.supportchat.ai.web;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.supportchat.ai.responder.BuiltInResponder;
import com.supportchat.ai.responder.ModelEndpointPolicy;
import com.supportchat.ai.responder.OpenAiResponder;
import com.supportchat.ai.settings.AiSettings;
import com.supportchat.ai.settings.AiSettingsService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings/ai}, admins only. */
@RestController
@RequestMapping("/api/v1/settings/ai")
class AiSettingsController {

    private final AiSettingsService settings;
    private final OpenAiResponder openAi;
    private final ModelEndpointPolicy endpoints;

    AiSettingsController(AiSettingsService settings, OpenAiResponder openAi, ModelEndpointPolicy endpoints) {
        this.settings = settings;
        this.openAi = openAi;
        this.endpoints = endpoints;
    }

    @GetMapping
    Mono<AiSettingsResponse> get(@AuthenticationPrincipal Jwt jwt) {
        return settings.get(Operators.org(jwt)).map(this::response);
    }

    @PutMapping
    Mono<AiSettingsResponse> put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AiSettingsRequest request) {
        return allowedEndpoint(request.baseUrl())
            .then(Mono.defer(() -> settings.put(Operators.org(jwt), request.toChange())))
            .map(this::response);
    }

    /** An org's endpoint must be public (see {@link ModelEndpointPolicy}); the check resolves DNS, off the event loop. */
    private Mono<Void> allowedEndpoint(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> endpoints.refusal(baseUrl.strip()))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(refusal -> refusal.isPresent() ? Mono.error(new Problems.Invalid(refusal.get())) : Mono.empty());
    }

    private AiSettingsResponse response(AiSettings current) {
        return AiSettingsResponse.of(current, openAi.configuredFor(current) ? OpenAiResponder.NAME : BuiltInResponder.NAME);
    }
}
