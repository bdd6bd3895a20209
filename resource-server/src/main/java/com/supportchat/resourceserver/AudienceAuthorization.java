package com.supportchat.resourceserver;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * For a service that takes several kinds of token: a path admits a token only if its {@code aud} is the
 * right one (and, optionally, it carries an authority such as {@code ROLE_ADMIN}).
 */
public final class AudienceAuthorization {

    private AudienceAuthorization() {
    }

    public static ReactiveAuthorizationManager<AuthorizationContext> audience(String audience) {
        return audience(audience, null);
    }

    /** {@code authority} may be null: the audience alone decides. */
    public static ReactiveAuthorizationManager<AuthorizationContext> audience(String audience, String authority) {
        return (authentication, context) -> authentication.<AuthorizationResult>map(auth -> new AuthorizationDecision(
                hasAudience(auth, audience) && (authority == null || hasAuthority(auth, authority))))
            .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static boolean hasAudience(Authentication auth, String audience) {
        return auth instanceof JwtAuthenticationToken jwt && jwt.getToken().getAudience() != null
                && jwt.getToken().getAudience().contains(audience);
    }

    private static boolean hasAuthority(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
