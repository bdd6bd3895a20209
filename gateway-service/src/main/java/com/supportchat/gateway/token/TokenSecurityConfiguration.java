package com.supportchat.gateway.token;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

import com.github.benmanes.caffeine.cache.Ticker;
import com.supportchat.gateway.edge.RequestPaths;
import com.supportchat.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * Spring Security as the early token check: only {@link ProtectedPaths} look at the bearer token, each
 * with the decoder for its audience. Everything else (public identity endpoints, static files, actuator
 * health) is passed through untouched. Authorization stays with the services; the gateway only refuses
 * what no service would accept.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class TokenSecurityConfiguration {

    /**
     * No Spring Security observations: by default every security filter is wrapped in an observation
     * ({@code spring.security.filterchains}, {@code .authentications}, {@code .authorizations},
     * {@code .http.secured.requests}), four to five timers per request on the gateway's hot path that
     * {@code http.server.requests} already covers. With this bean the filter chain is not decorated at all,
     * which {@code management.observations.enable.spring.security=false} would not avoid (it only turns the
     * observations into no-ops).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall refuses some URLs (an encoded NUL in the path, ...) before any filter, with a bare
     * 400 and no body: answered as a problem detail like every other refusal of the gateway (found by FuzzIT).
     */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                "The request URL was rejected");
    }

    @Bean
    JwksKeySource jwksKeySource(TokenProperties properties) {
        return new JwksKeySource(WebClient.builder().build(), properties, Clock.systemUTC(),
                properties.jwksInitialBackoff());
    }

    @Bean
    JwksHealthIndicator jwksHealthIndicator(JwksKeySource keySource) {
        return new JwksHealthIndicator(keySource);
    }

    @Bean
    ReactiveAuthenticationManagerResolver<ServerWebExchange> audienceAuthenticationManagers(JwksKeySource keys,
            TokenProperties properties) {
        ReactiveAuthenticationManager widget = manager(keys, properties, properties.widgetAudience());
        ReactiveAuthenticationManager console = manager(keys, properties, properties.consoleAudience());
        return exchange -> Mono.justOrEmpty(ProtectedPaths.audienceFor(RequestPaths.of(exchange)))
                .map(audience -> audience == ProtectedPaths.Audience.WIDGET ? widget : console);
    }

    private static ReactiveAuthenticationManager manager(JwksKeySource keys, TokenProperties properties,
            String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
        // iss is a plain name, not a URL: the default converter's URL attempt throws (and fills in a stack
        // trace) for every token before keeping the string
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(audience)));
        ReactiveJwtDecoder validating = properties.cacheMaxSize() == 0 ? decoder
                : new CachingJwtDecoder(decoder, Clock.systemUTC(), keys::keySetVersion, properties.cacheMaxSize(),
                        properties.cacheMaxTtl(), Ticker.systemTicker());
        return new JwtReactiveAuthenticationManager(validating);
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http,
            ReactiveAuthenticationManagerResolver<ServerWebExchange> audienceAuthenticationManagers) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // upstreams own their caching and framing headers; SSE needs them untouched
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(exchange -> ProtectedPaths.isProtected(RequestPaths.of(exchange))
                                ? MatchResult.match()
                                : MatchResult.notMatch())
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(audienceAuthenticationManagers)
                        .bearerTokenConverter(protectedPathsOnly(new BearerTokenConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "This token may not use this path.")))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .build();
    }

    /** Only protected paths read the Authorization header: an org API key elsewhere is not a JWT. */
    private static ServerAuthenticationConverter protectedPathsOnly(ServerAuthenticationConverter delegate) {
        return exchange -> ProtectedPaths.isProtected(RequestPaths.of(exchange))
                ? delegate.convert(exchange)
                : Mono.empty();
    }
}
