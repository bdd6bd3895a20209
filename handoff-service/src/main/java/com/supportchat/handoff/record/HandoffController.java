package com.supportchat.handoff.record;

import java.util.Locale;

import reactor.core.publisher.Flux;

import com.supportchat.handoff.security.Caller;
import com.supportchat.resourceserver.Problem;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/handoffs?status=&limit=}: the caller's org's handoffs, newest first, for any operator. */
@RestController
@RequestMapping("/api/v1/handoffs")
class HandoffController {

    static final int MAX_LIMIT = 500;

    private final HandoffService handoffs;

    HandoffController(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @GetMapping
    Flux<HandoffView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        String orgId = Caller.of(jwt).orgId();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.validation("limit: must be between 1 and " + MAX_LIMIT);
        }
        HandoffStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = HandoffStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw Problem.validation("status: must be one of waiting, claimed, released, resolved, abandoned, declined");
            }
        }
        return handoffs.list(orgId, wanted, limit).map(HandoffView::of);
    }
}
