package com.supportchat.ai.web;

import com.supportchat.resourceserver.BearerOnly;
import com.supportchat.resourceserver.ProblemResponses;
import com.supportchat.resourceserver.TokenDecoders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Operator tokens from identity-service: RS256 from its JWKS, issuer {@code supportchat-identity}, audience
 * {@code supportchat-console}; the {@code roles} claim ({@code admin}, {@code agent}) becomes ROLE_ADMIN /
 * ROLE_AGENT. Agents read the knowledge base and try the assistant in the playground; admins change the knowledge base
 * and the AI settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String ISSUER = "supportchat-identity";
    static final String AUDIENCE = "supportchat-console";

    private static final ServerAuthenticationEntryPoint UNAUTHORIZED =
            ProblemResponses.unauthorized("A valid operator access token is required.");
    private static final ServerAccessDeniedHandler FORBIDDEN = ProblemResponses.forbidden("Your role does not allow this.");

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return BearerOnly.configure(http, jwtDecoder, UNAUTHORIZED, FORBIDDEN)
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                        "/actuator/mappings").permitAll() // mappings: exposed only where configured (the API contract test)
                .pathMatchers(HttpMethod.GET, "/api/v1/knowledge-base/**").hasAnyRole("ADMIN", "AGENT")
                .pathMatchers("/api/v1/knowledge-base/**").hasRole("ADMIN")
                .pathMatchers("/api/v1/settings/ai").hasRole("ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/ai/playground").hasAnyRole("ADMIN", "AGENT")
                .pathMatchers("/api/**").authenticated()
                .anyExchange().denyAll())
            .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
        return TokenDecoders.fromJwks(jwkSetUri, ISSUER, AUDIENCE);
    }
}
