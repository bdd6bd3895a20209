package com.supportchat.ai.web;

import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import com.supportchat.ai.conversation.VisitorMessageService;
import com.supportchat.ai.understanding.Turn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ai/playground} (admins and agents): what the assistant would do with a visitor message, with
 * the org's current settings and on the same code path as a real message; nothing is stored or published.
 */
@RestController
@RequestMapping("/api/v1/ai/playground")
class PlaygroundController {

    private final VisitorMessageService messages;

    PlaygroundController(VisitorMessageService messages) {
        this.messages = messages;
    }

    @PostMapping
    Mono<PlaygroundResponse> tryOut(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlaygroundRequest request) {
        List<Turn> history = request.history() == null ? List.of() : request.history().stream()
            .map(entry -> new Turn(Turn.Speaker.valueOf(entry.author()), entry.text()))
            .toList();
        return messages.rehearse(Operators.org(jwt), request.text(), history).map(PlaygroundResponse::of);
    }
}
