package com.supportchat.identity.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import com.supportchat.identity.operator.Operators;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
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

    private static final String LOGIN = "/api/v1/auth/login";

    @Bean
    @Order(1)
    SecurityWebFilterChain consoleApi(ServerHttpSecurity http, ReactiveJwtDecoder consoleJwtDecoder, Operators operators) {
        return stateless(http)
            .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, LOGIN).permitAll()
                .pathMatchers("/api/v1/operators", "/api/v1/operators/**", "/api/v1/api-keys", "/api/v1/api-keys/**")
                    .access(new CurrentAdmin(operators))
                .anyExchange().authenticated())
            .oauth2ResourceServer(server -> server
                .bearerTokenConverter(ignoringLogin())
                .authenticationEntryPoint(ProblemResponses.unauthorized())
                .accessDeniedHandler(ProblemResponses.forbidden())
                .jwt(jwt -> jwt.jwtDecoder(consoleJwtDecoder).jwtAuthenticationConverter(rolesFromClaim())))
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(ProblemResponses.unauthorized())
                .accessDeniedHandler(ProblemResponses.forbidden()))
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

    /** A stale bearer header sent along with a login attempt must not turn the login into a 401. */
    private static ServerAuthenticationConverter ignoringLogin() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerWebExchangeMatcher login = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LOGIN);
        return exchange -> login.matches(exchange)
            .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    /** {@code roles: ["admin"]} becomes {@code ROLE_ADMIN}, as every service maps it. */
    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(RolesConverter::authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    static final class RolesConverter {

        private RolesConverter() {
        }

        static Collection<GrantedAuthority> authorities(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles == null) {
                return List.of();
            }
            return roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                .toList();
        }
    }
}
