package com.supportchat.resourceserver;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shared part of a chain, with a service's path rules on top, as the services compose it. */
class BearerOnlyTest {

    private final ReactiveJwtDecoder decoder = token -> "agent".equals(token)
            ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("operator-1")
                .audience(List.of("supportchat-console")).claim("roles", List.of("agent"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build())
            : Mono.error(new BadJwtException("bad signature"));

    private final WebTestClient client = WebTestClient.bindToController(new Settings())
        .webFilter(new WebFilterChainProxy(BearerOnly.configure(ServerHttpSecurity.http(), decoder,
                ProblemResponses.unauthorized("A valid token is required"), ProblemResponses.forbidden("Not for you"))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(HttpMethod.PUT, "/settings").hasRole("ADMIN")
                .anyExchange().authenticated())
            .build()))
        .build();

    @Test
    void noOrABadTokenIsA401ProblemThatDoesNotSayWhy() {
        for (String header : new String[] { null, "Bearer forged" }) {
            var request = client.get().uri("/settings");
            if (header != null) {
                request = request.header("Authorization", header);
            }
            request.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized")
                .jsonPath("$.detail").isEqualTo("A valid token is required");
        }
    }

    @Test
    void theRolesClaimDecidesAndARefusalIsA403Problem() {
        client.get().uri("/settings").header("Authorization", "Bearer agent").exchange()
            .expectStatus().isOk().expectBody(String.class).isEqualTo("operator-1");
        client.put().uri("/settings").header("Authorization", "Bearer agent").exchange()
            .expectStatus().isForbidden()
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden")
            .jsonPath("$.status").isEqualTo(403)
            .jsonPath("$.instance").isEqualTo("/settings");
    }

    @RestController
    static class Settings {

        @GetMapping("/settings")
        Mono<String> read(java.security.Principal principal) {
            return Mono.just(principal.getName());
        }

        @PutMapping("/settings")
        Mono<String> change() {
            return Mono.just("changed");
        }
    }
}
