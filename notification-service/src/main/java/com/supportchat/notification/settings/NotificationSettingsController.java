package com.supportchat.notification.settings;

import reactor.core.publisher.Mono;

import com.supportchat.notification.security.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings/notifications}: any operator reads, admins replace (the security chain enforces it). */
@RestController
@RequestMapping("/api/v1/settings/notifications")
class NotificationSettingsController {

    private final NotificationSettingsService settings;

    NotificationSettingsController(NotificationSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    Mono<NotificationSettingsDocument> get(@AuthenticationPrincipal Jwt jwt) {
        return settings.current(Caller.of(jwt).orgId())
            .map(stored -> NotificationSettingsDocument.of(stored.settings(), stored.updatedAt()));
    }

    @PutMapping
    Mono<NotificationSettingsDocument> put(@AuthenticationPrincipal Jwt jwt,
            @RequestBody NotificationSettingsDocument document) {
        Caller caller = Caller.of(jwt);
        return settings.replace(caller.orgId(), document, caller.operatorId())
            .map(stored -> NotificationSettingsDocument.of(stored.settings(), stored.updatedAt()));
    }
}
