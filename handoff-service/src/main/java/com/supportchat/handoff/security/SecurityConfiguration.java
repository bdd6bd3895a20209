package com.supportchat.handoff.security;

import com.supportchat.resourceserver.BearerOnly;
import com.supportchat.resourceserver.ProblemResponses;
import com.supportchat.resourceserver.TokenDecoders;

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
 * A stateless resource server: {@code /api/**} takes operator tokens only (audience
 * {@code supportchat-console}); changing settings needs {@code ROLE_ADMIN}. Health and metrics are open for
 * the platform's probes; everything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final ServerAuthenticationEntryPoint UNAUTHORIZED =
            ProblemResponses.unauthorized("A valid operator access token is required");
    private static final ServerAccessDeniedHandler FORBIDDEN = ProblemResponses.forbidden("Your role does not allow this");

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder consoleJwtDecoder) {
        return BearerOnly.configure(http, consoleJwtDecoder, UNAUTHORIZED, FORBIDDEN)
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/actuator/mappings").permitAll() // mappings: exposed only where configured (the API contract test)
                .pathMatchers(HttpMethod.PUT, "/api/v1/settings/**").hasRole("ADMIN")
                .pathMatchers("/api/**").authenticated()
                .anyExchange().denyAll())
            .build();
    }

    /** Keys from identity-service's JWKS; issuer, audience and expiry checked on every token. */
    @Bean
    ReactiveJwtDecoder consoleJwtDecoder(TokenProperties properties) {
        return TokenDecoders.fromJwks(properties.jwksUri(), properties.issuer(), properties.audience());
    }
}
