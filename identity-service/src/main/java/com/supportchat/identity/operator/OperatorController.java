package com.supportchat.identity.operator;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.identity.security.Caller;
import com.supportchat.resourceserver.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin management of the org's operators (ROLE_ADMIN is enforced by the security chain). */
@RestController
@RequestMapping("/api/v1/operators")
class OperatorController {

    private static final String ROLE_PATTERN = "admin|agent";

    private final Operators operators;

    OperatorController(Operators operators) {
        this.operators = operators;
    }

    @GetMapping
    Flux<OperatorView> list(@AuthenticationPrincipal Jwt jwt) {
        return operators.list(Caller.of(jwt).orgId()).map(OperatorView::of);
    }

    @GetMapping("/{id}")
    Mono<OperatorView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return operators.find(Caller.of(jwt).orgId(), id).map(OperatorView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OperatorView> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateOperator body) {
        return operators.create(Caller.of(jwt).orgId(), body.email(), body.password(), body.name(),
                Role.fromWire(body.role())).map(OperatorView::of);
    }

    @PostMapping("/{id}/deactivate")
    Mono<OperatorView> deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Caller caller = Caller.of(jwt);
        if (caller.operatorId().equals(id)) {
            return Mono.error(Problem.conflict("You cannot deactivate yourself"));
        }
        return operators.setActive(caller.orgId(), id, false).map(OperatorView::of);
    }

    @PostMapping("/{id}/activate")
    Mono<OperatorView> activate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return operators.setActive(Caller.of(jwt).orgId(), id, true).map(OperatorView::of);
    }

    @PatchMapping("/{id}")
    Mono<OperatorView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody UpdateOperator body) {
        Caller caller = Caller.of(jwt);
        if (body.role() != null && caller.operatorId().equals(id) && !"admin".equals(body.role())) {
            return Mono.error(Problem.conflict("You cannot remove your own admin role"));
        }
        Mono<Operator> current = operators.find(caller.orgId(), id);
        if (body.name() != null) {
            current = current.then(operators.rename(caller.orgId(), id, body.name()));
        }
        if (body.role() != null) {
            current = current.then(operators.changeRole(caller.orgId(), id, Role.fromWire(body.role())));
        }
        return current.map(OperatorView::of);
    }

    record CreateOperator(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 8, max = 200) @BcryptPassword String password,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = ROLE_PATTERN, message = "must be admin or agent") String role) {

        @Override
        public String toString() {
            return "CreateOperator[email=" + email + ", role=" + role + "]";
        }
    }

    record UpdateOperator(
            @Size(min = 1, max = 200) String name,
            @Pattern(regexp = ROLE_PATTERN, message = "must be admin or agent") String role) {
    }
}
