package com.supportchat.conversation.web;

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

import static com.supportchat.resourceserver.AudienceAuthorization.audience;

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

    static final String DENIED = "This token may not perform this request.";

    static final ServerAuthenticationEntryPoint UNAUTHORIZED =
            ProblemResponses.unauthorized("A valid bearer token is required.");
    static final ServerAccessDeniedHandler FORBIDDEN = ProblemResponses.forbidden(DENIED);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return BearerOnly.configure(http, jwtDecoder, UNAUTHORIZED, FORBIDDEN)
            .authorizeExchange(exchange -> exchange
                .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                        "/actuator/mappings").permitAll() // mappings: exposed only where configured (the API contract test)
                .pathMatchers("/widget/**").access(audience(WIDGET))
                .pathMatchers(HttpMethod.PUT, "/api/v1/settings/**").access(audience(CONSOLE, "ROLE_ADMIN"))
                .pathMatchers("/api/**").access(audience(CONSOLE))
                .anyExchange().denyAll())
            .build();
    }

    /** Audience is checked per path above, since this service takes both widget and operator tokens. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwksUri) {
        return TokenDecoders.fromJwks(jwksUri, ISSUER);
    }
}
