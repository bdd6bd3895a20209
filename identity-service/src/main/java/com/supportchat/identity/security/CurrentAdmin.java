package com.supportchat.identity.security;

import reactor.core.publisher.Mono;

import com.supportchat.identity.operator.Operators;
import com.supportchat.identity.operator.Role;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Admin endpoints need the {@code ROLE_ADMIN} claim and, because tokens live 12 hours, an operator who is
 * still an active admin in the database: a deactivated or demoted admin loses these powers at once.
 */
final class CurrentAdmin implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final Operators operators;

    CurrentAdmin(Operators operators) {
        this.operators = operators;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
            .filter(Authentication::isAuthenticated)
            .filter(auth -> auth.getPrincipal() instanceof Jwt)
            .filter(auth -> auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())))
            .flatMap(auth -> {
                Caller caller = Caller.of((Jwt) auth.getPrincipal());
                return operators.find(caller.orgId(), caller.operatorId())
                    .map(operator -> operator.active() && operator.role() == Role.ADMIN)
                    .onErrorReturn(false);
            })
            .<AuthorizationResult>map(AuthorizationDecision::new)
            .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
