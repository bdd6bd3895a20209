package com.supportchat.resourceserver;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The part of a service's filter chain that is the same everywhere: no sessions, CSRF, basic or form login;
 * bearer tokens through the given decoder with the {@code roles} claim as authorities; 401 and 403 through
 * the given problem writers. The service adds its own path rules and builds the chain.
 */
public final class BearerOnly {

    private BearerOnly() {
    }

    public static ServerHttpSecurity configure(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ServerAuthenticationEntryPoint unauthorized, ServerAccessDeniedHandler forbidden) {
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .oauth2ResourceServer(server -> server
                .authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden)
                .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(RolesClaim.authenticationConverter())))
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden));
    }
}
