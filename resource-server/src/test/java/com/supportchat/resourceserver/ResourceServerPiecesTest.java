package com.supportchat.resourceserver;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceServerPiecesTest {

    @Test
    void problemTypeIsTheStableUri() {
        var problem = Problems.problem(HttpStatus.CONFLICT, "conversation-resolved", "Conflict", "already resolved");
        assertThat(problem.getType().toString()).isEqualTo("https://supportchat.dev/problems/conversation-resolved");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getDetail()).isEqualTo("already resolved");
    }

    @Test
    void rolesBecomeRoleAuthorities() {
        assertThat(RolesClaim.authorities(jwt(List.of("admin", "agent"), List.of("supportchat-console"))))
            .extracting(Object::toString).containsExactly("ROLE_ADMIN", "ROLE_AGENT");
        assertThat(RolesClaim.authorities(jwt(null, List.of("supportchat-console")))).isEmpty();
    }

    @Test
    void audienceManagerAdmitsOnlyTheRightAudienceAndAuthority() {
        Jwt console = jwt(List.of("agent"), List.of("supportchat-console"));
        var agent = new JwtAuthenticationToken(console, RolesClaim.authorities(console));
        assertThat(granted(AudienceAuthorization.audience("supportchat-console"), agent)).isTrue();
        assertThat(granted(AudienceAuthorization.audience("supportchat-widget"), agent)).isFalse();
        assertThat(granted(AudienceAuthorization.audience("supportchat-console", "ROLE_ADMIN"), agent)).isFalse();
        assertThat(AudienceAuthorization.audience("supportchat-console").authorize(Mono.empty(), null)
            .map(AuthorizationResult::isGranted).block()).isFalse();
    }

    @Test
    void unauthorizedIsAProblemWithBearerChallenge() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/things/\"x\""));
        StepVerifier.create(ProblemResponses.unauthorized("A valid token is required")
            .commence(exchange, new BadCredentialsException("expired"))).verifyComplete();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(exchange.getResponse().getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo(
                "{\"type\":\"https://supportchat.dev/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"A valid token is required\",\"instance\":\"/api/v1/things/%22x%22\"}");
    }

    @Test
    void forbiddenIsAProblemWithoutChallenge() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/api/v1/settings/ai"));
        StepVerifier.create(ProblemResponses.forbidden("Your role does not allow this")
            .handle(exchange, new org.springframework.security.access.AccessDeniedException("no"))).verifyComplete();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isNull();
        assertThat(exchange.getResponse().getBodyAsString().block())
            .contains("\"type\":\"https://supportchat.dev/problems/forbidden\"", "\"status\":403");
    }

    @Test
    void validatorRefusesAnotherAudienceOrIssuer() {
        var validator = TokenDecoders.validator("supportchat-identity", "supportchat-console");
        assertThat(validator.validate(jwt(List.of("admin"), List.of("supportchat-console"))).hasErrors()).isFalse();
        assertThat(validator.validate(jwt(List.of("admin"), List.of("supportchat-widget"))).hasErrors()).isTrue();
        assertThat(TokenDecoders.validator("someone-else").validate(jwt(null, List.of("supportchat-console")))
            .hasErrors()).isTrue();
    }

    private static boolean granted(
            org.springframework.security.authorization.ReactiveAuthorizationManager<
                    org.springframework.security.web.server.authorization.AuthorizationContext> manager,
            JwtAuthenticationToken auth) {
        return manager.authorize(Mono.just(auth), null).map(AuthorizationResult::isGranted).block();
    }

    private static Jwt jwt(List<String> roles, List<String> audience) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer("supportchat-identity")
            .subject("operator-1").audience(audience).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (roles != null) {
            builder.claim("roles", roles);
        }
        return builder.build();
    }
}
