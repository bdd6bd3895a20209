package com.supportchat.notification.delivery;

import java.util.Locale;

import reactor.core.publisher.Flux;

import com.supportchat.notification.security.Caller;
import com.supportchat.resourceserver.Problem;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/notifications?status=&limit=}: the caller's org's delivery log, newest first. */
@RestController
@RequestMapping("/api/v1/notifications")
class DeliveryController {

    static final int MAX_LIMIT = 500;

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    Flux<DeliveryView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        String orgId = Caller.of(jwt).orgId();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.validation("limit: must be between 1 and " + MAX_LIMIT);
        }
        DeliveryStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw Problem.validation("status: must be one of pending, sending, sent, failed, skipped");
            }
        }
        return deliveries.list(orgId, wanted, limit).map(DeliveryView::of);
    }
}
