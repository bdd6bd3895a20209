package com.supportchat.handoff.settings;

import reactor.core.publisher.Mono;

import com.supportchat.handoff.security.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings/handoff}: any operator reads, admins replace (enforced by the security chain). */
@RestController
@RequestMapping("/api/v1/settings/handoff")
class HandoffSettingsController {

    private final HandoffSettingsService settings;

    HandoffSettingsController(HandoffSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    Mono<HandoffSettingsView> get(@AuthenticationPrincipal Jwt jwt) {
        return settings.current(Caller.of(jwt).orgId())
            .map(stored -> HandoffSettingsView.of(stored.settings(), stored.updatedAt()));
    }

    @PutMapping
    Mono<HandoffSettingsView> put(@AuthenticationPrincipal Jwt jwt, @RequestBody HandoffSettingsDocument document) {
        Caller caller = Caller.of(jwt);
        return settings.replace(caller.orgId(), document, caller.operatorId())
            .map(stored -> HandoffSettingsView.of(stored.settings(), stored.updatedAt()));
    }
}
