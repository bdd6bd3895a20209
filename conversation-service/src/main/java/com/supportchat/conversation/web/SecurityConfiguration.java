package com.supportchat.conversation.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * This service validates every token itself (defence in depth behind the gateway): signature against
 * identity-service's JWKS, issuer, expiry; then the audience decides which API a token may call, and the
 * admin role guards settings.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String ISSUER = "supportchat-identity";
    static final String WIDGET = "supportchat-widget";
    static final String CONSOLE = "supportchat-console";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            .authorizeExchange(exchange -> exchange
                .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                .pathMatchers("/widget/**").access(audience(WIDGET, null))
                .pathMatchers(HttpMethod.PUT, "/api/v1/settings/**").access(audience(CONSOLE, "ROLE_ADMIN"))
                .pathMatchers("/api/**").access(audience(CONSOLE, null))
                .anyExchange().denyAll())
            .oauth2ResourceServer(oauth -> oauth
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles())))
                .authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden))
            .exceptionHandling(handling -> handling.authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden))
            .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwksUri) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    static ReactiveAuthorizationManager<AuthorizationContext> audience(String audience, String authority) {
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

    /** {@code roles: ["admin"]} becomes {@code ROLE_ADMIN}. */
    static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())));
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

}
