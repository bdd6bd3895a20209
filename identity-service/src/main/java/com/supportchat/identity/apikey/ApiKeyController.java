package com.supportchat.identity.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.identity.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin management of the org's API keys (ROLE_ADMIN is enforced by the security chain). */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    Flux<ApiKeyView> list(@AuthenticationPrincipal Jwt jwt) {
        return apiKeys.list(Caller.of(jwt).orgId()).map(ApiKeyView::of);
    }

    @GetMapping("/{id}")
    Mono<ApiKeyView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return apiKeys.find(Caller.of(jwt).orgId(), id).map(ApiKeyView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CreatedView> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateApiKey body) {
        List<String> scopes = body.scopes() == null || body.scopes().isEmpty()
                ? List.of(Scopes.WIDGET_AUTHENTICATE_USER) : body.scopes();
        return apiKeys.create(Caller.of(jwt).orgId(), body.name().trim(), scopes)
            .map(created -> CreatedView.of(created.key(), created.secret()));
    }

    @PostMapping("/{id}/revoke")
    Mono<ApiKeyView> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return apiKeys.revoke(Caller.of(jwt).orgId(), id).map(ApiKeyView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return apiKeys.revoke(Caller.of(jwt).orgId(), id).then();
    }

    record CreateApiKey(@NotBlank @Size(max = 100) String name, @Size(max = 10) List<@NotBlank String> scopes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiKeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant revokedAt, boolean revoked) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id().toString(), key.name(), key.prefix(), key.scopes(), key.createdAt(),
                    key.revokedAt(), key.revoked());
        }
    }

    /** The only answer that ever carries the secret. */
    record CreatedView(String id, String name, String prefix, List<String> scopes, Instant createdAt, String secret) {

        static CreatedView of(ApiKey key, String secret) {
            return new CreatedView(key.id().toString(), key.name(), key.prefix(), key.scopes(), key.createdAt(),
                    secret);
        }

        @Override
        public String toString() {
            return "CreatedView[id=" + id + "]";
        }
    }
}
