package com.supportchat.ai.web;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import com.supportchat.ai.responder.BuiltInResponder;
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

    AiSettingsController(AiSettingsService settings, OpenAiResponder openAi) {
        this.settings = settings;
        this.openAi = openAi;
    }

    @GetMapping
    Mono<AiSettingsResponse> get(@AuthenticationPrincipal Jwt jwt) {
        return settings.get(Operators.org(jwt)).map(this::response);
    }

    @PutMapping
    Mono<AiSettingsResponse> put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AiSettingsRequest request) {
        return settings.put(Operators.org(jwt), request.toChange()).map(this::response);
    }

    private AiSettingsResponse response(AiSettings current) {
        return AiSettingsResponse.of(current, openAi.configuredFor(current) ? OpenAiResponder.NAME : BuiltInResponder.NAME);
    }
}
