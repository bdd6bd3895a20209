package com.supportchat.identity.operator;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import com.supportchat.identity.security.Caller;
import com.supportchat.resourceserver.Problem;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Console login. Unknown email, wrong password and a deactivated account all get the same 401. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Operators operators;
    private final ConsoleTokens tokens;
    private final LoginThrottle throttle;

    AuthController(Operators operators, ConsoleTokens tokens, LoginThrottle throttle) {
        this.operators = operators;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** 401 for any wrong credential; 429 {@code login-throttled} while the account waits after repeated failures. */
    @PostMapping("/login")
    Mono<LoginResponse> login(@Valid @RequestBody LoginRequest body) {
        return throttle.checkAllowed(body.email())
            .then(Mono.defer(() -> operators.authenticate(body.email(), body.password())))
            .switchIfEmpty(Mono.defer(() -> throttle.failed(body.email())
                .then(Mono.error(() -> Problem.unauthorized("Invalid email or password")))))
            .flatMap(operator -> throttle.succeeded(body.email()).thenReturn(operator))
            .flatMap(operator -> tokens.issue(operator)
                .map(token -> new LoginResponse(token.token(), token.expiresAt(), OperatorView.of(operator))));
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
