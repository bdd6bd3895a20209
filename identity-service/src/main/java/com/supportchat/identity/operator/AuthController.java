package com.supportchat.identity.operator;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import com.supportchat.identity.security.Caller;
import com.supportchat.resourceserver.Problem;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console login. Unknown email, wrong password and a deactivated account all get the same 401. A login answers a
 * 15-minute access token and sets the refresh token as an httpOnly, SameSite=Strict cookie scoped to
 * {@code /api/v1/auth}, which page scripts cannot read; {@code /refresh} exchanges it for a new access token (and a
 * new cookie), {@code /logout} ends it.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    static final String REFRESH_COOKIE = "supportchat_refresh";
    private static final String COOKIE_PATH = "/api/v1/auth";

    private final Operators operators;
    private final ConsoleTokens tokens;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final LoginProperties properties;

    AuthController(Operators operators, ConsoleTokens tokens, LoginThrottle throttle, RefreshTokens refreshTokens,
            LoginProperties properties) {
        this.operators = operators;
        this.tokens = tokens;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
    }

    /** 401 for any wrong credential; 429 {@code login-throttled} while the account waits after repeated failures. */
    @PostMapping("/login")
    Mono<LoginResponse> login(@Valid @RequestBody LoginRequest body, ServerHttpResponse response) {
        return throttle.checkAllowed(body.email())
            .then(Mono.defer(() -> operators.authenticate(body.email(), body.password())))
            .switchIfEmpty(Mono.defer(() -> throttle.failed(body.email())
                .then(Mono.error(() -> Problem.unauthorized("Invalid email or password")))))
            .flatMap(operator -> throttle.succeeded(body.email()).thenReturn(operator))
            .flatMap(operator -> refreshTokens.issue(operator)
                .doOnNext(refresh -> response.addCookie(refreshCookie(refresh, refreshTokens.lifetime())))
                .then(answer(operator)));
    }

    /**
     * A new access token for the refresh cookie, and a new cookie: the operator as it is now (a demoted operator's
     * new token carries the new role; a deactivated one gets 401).
     */
    @PostMapping("/refresh")
    Mono<LoginResponse> refresh(ServerHttpRequest request, ServerHttpResponse response) {
        HttpCookie cookie = request.getCookies().getFirst(REFRESH_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Mono.error(RefreshTokens.refused());
        }
        return refreshTokens.rotate(cookie.getValue())
            .flatMap(rotation -> operators.find(rotation.orgId(), rotation.operatorId())
                .filter(Operator::active)
                .switchIfEmpty(Mono.defer(() -> refreshTokens.revokeAll(rotation.operatorId())
                    .then(Mono.error(RefreshTokens.refused()))))
                .doOnNext(operator -> response.addCookie(refreshCookie(rotation.token(), refreshTokens.lifetime()))))
            .flatMap(this::answer)
            .doOnError(error -> response.addCookie(refreshCookie("", Duration.ZERO)));
    }

    /** Ends this login: the refresh cookie stops working everywhere and is removed. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(ServerHttpRequest request, ServerHttpResponse response) {
        HttpCookie cookie = request.getCookies().getFirst(REFRESH_COOKIE);
        response.addCookie(refreshCookie("", Duration.ZERO));
        return cookie == null || cookie.getValue().isBlank() ? Mono.empty() : refreshTokens.revoke(cookie.getValue());
    }

    private Mono<LoginResponse> answer(Operator operator) {
        return tokens.issue(operator)
            .map(token -> new LoginResponse(token.token(), token.expiresAt(), OperatorView.of(operator)));
    }

    private ResponseCookie refreshCookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
            .httpOnly(true)
            .secure(properties.refreshCookieSecure())
            .sameSite("Strict")
            .path(COOKIE_PATH)
            .maxAge(maxAge)
            .build();
    }

    /** The operator behind the caller's token, as the console shows it. */
    @GetMapping("/me")
    Mono<OperatorView> me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return operators.find(caller.orgId(), caller.operatorId()).map(OperatorView::of);
    }

    record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) @BcryptPassword String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record LoginResponse(String accessToken, Instant expiresAt, OperatorView operator) {

        @Override
        public String toString() {
            return "LoginResponse[operator=" + operator + "]";
        }
    }
}
