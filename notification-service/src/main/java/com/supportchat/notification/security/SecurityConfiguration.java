package com.supportchat.notification.security;

import com.supportchat.resourceserver.ProblemResponses;
import com.supportchat.resourceserver.RolesClaim;
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
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

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
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                .pathMatchers(HttpMethod.PUT, "/api/v1/settings/**").hasRole("ADMIN")
                .pathMatchers("/api/**").authenticated()
                .anyExchange().denyAll())
            .oauth2ResourceServer(server -> server
                .authenticationEntryPoint(UNAUTHORIZED)
                .accessDeniedHandler(FORBIDDEN)
                .jwt(jwt -> jwt.jwtDecoder(consoleJwtDecoder)
                    .jwtAuthenticationConverter(RolesClaim.authenticationConverter())))
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(UNAUTHORIZED)
                .accessDeniedHandler(FORBIDDEN))
            .build();
    }

    /** Keys from identity-service's JWKS; issuer, audience and expiry checked on every token. */
    @Bean
    ReactiveJwtDecoder consoleJwtDecoder(TokenProperties properties) {
        return TokenDecoders.fromJwks(properties.jwksUri(), properties.issuer(), properties.audience());
    }
}
