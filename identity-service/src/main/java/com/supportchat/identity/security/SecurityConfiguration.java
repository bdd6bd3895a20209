package com.supportchat.identity.security;

import reactor.core.publisher.Mono;

import com.supportchat.identity.operator.Operators;
import com.supportchat.resourceserver.ProblemResponses;
import com.supportchat.resourceserver.RolesClaim;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Two filter chains. {@code /api/**} is a stateless OAuth2 resource server accepting only operator tokens
 * (audience {@code supportchat-console}), with admin-only operator and API-key management. Everything else
 * is open at this layer because it authenticates differently: the widget session by widget token, the
 * customer backend by API key (checked in its handler), {@code /internal/**} by the internal token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** Login, and the two calls that carry the refresh cookie instead of a bearer token. */
    private static final String[] SESSION = { "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout" };
    private static final ServerAuthenticationEntryPoint UNAUTHORIZED =
            ProblemResponses.unauthorized("A valid operator access token is required");
    private static final ServerAccessDeniedHandler FORBIDDEN = ProblemResponses.forbidden("Your role does not allow this");

    @Bean
    @Order(1)
    SecurityWebFilterChain consoleApi(ServerHttpSecurity http, ReactiveJwtDecoder consoleJwtDecoder, Operators operators) {
        return stateless(http)
            .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, SESSION).permitAll()
                .pathMatchers("/api/v1/operators", "/api/v1/operators/**", "/api/v1/api-keys", "/api/v1/api-keys/**")
                    .access(new CurrentAdmin(operators))
                .anyExchange().authenticated())
            .oauth2ResourceServer(server -> server
                .bearerTokenConverter(ignoringLogin())
                .authenticationEntryPoint(UNAUTHORIZED)
                .accessDeniedHandler(FORBIDDEN)
                .jwt(jwt -> jwt.jwtDecoder(consoleJwtDecoder).jwtAuthenticationConverter(RolesClaim.authenticationConverter())))
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(UNAUTHORIZED)
                .accessDeniedHandler(FORBIDDEN))
            .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain everythingElse(ServerHttpSecurity http) {
        return stateless(http)
            .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
            .build();
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .anonymous(anonymous -> { })
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    /** A stale bearer header sent along with a login or refresh must not turn it into a 401. */
    private static ServerAuthenticationConverter ignoringLogin() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerWebExchangeMatcher login = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, SESSION);
        return exchange -> login.matches(exchange)
            .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }
}
