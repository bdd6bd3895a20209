package com.supportchat.identity.contact;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import com.supportchat.identity.apikey.ApiKeys;
import com.supportchat.identity.apikey.Scopes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /widget/authenticate-user}: the customer's backend, holding an API key with scope
 * {@code widget:authenticate-user}, vouches for one of its users and gets a contact token for its page.
 * The key is checked before the body is read, so an unauthenticated caller learns nothing from validation.
 */
@RestController
class AuthenticateUserController {

    private final ApiKeys apiKeys;
    private final Contacts contacts;
    private final ContactTokens tokens;

    AuthenticateUserController(ApiKeys apiKeys, Contacts contacts, ContactTokens tokens) {
        this.apiKeys = apiKeys;
        this.contacts = contacts;
        this.tokens = tokens;
    }

    @PostMapping("/widget/authenticate-user")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AuthenticatedUser> authenticate(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody Mono<AuthenticateUser> body) {
        return apiKeys.authenticate(authorization, Scopes.WIDGET_AUTHENTICATE_USER)
            .flatMap(key -> body.flatMap(user -> contacts.upsert(key.orgId(), user.userId().trim(), blankToNull(user.email()),
                    blankToNull(user.name()), user.customData())
                .flatMap(contact -> tokens.issue(contact, blankToNull(user.externalId()))
                    .map(token -> new AuthenticatedUser(token.token(), contact.id().toString(), token.expiresAt())))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record AuthenticateUser(
            @NotBlank @Size(max = 255) String userId,
            @Email @Size(max = 320) String email,
            @Size(max = 200) String name,
            @Size(max = 100, message = "must have at most 100 keys") Map<String, Object> customData,
            @Size(max = 200) String externalId) {
    }

    record AuthenticatedUser(String token, String contactId, Instant expiresAt) {

        @Override
        public String toString() {
            return "AuthenticatedUser[contactId=" + contactId + "]";
        }
    }
}
