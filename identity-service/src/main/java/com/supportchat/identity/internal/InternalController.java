package com.supportchat.identity.internal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.identity.operator.BcryptPassword;
import com.supportchat.identity.org.Orgs;
import com.supportchat.identity.secret.Secrets;
import com.supportchat.identity.signing.SigningKeys;
import com.supportchat.resourceserver.Problem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /internal/v1}: org bootstrap for the demo seeder and the widget origins for the gateway's CORS. */
@RestController
@RequestMapping("/internal/v1")
class InternalController {

    static final String HEADER = "X-Internal-Token";

    private final OrgBootstrap bootstrap;
    private final Orgs orgs;
    private final InternalProperties properties;
    private final SigningKeys signingKeys;

    InternalController(OrgBootstrap bootstrap, Orgs orgs, InternalProperties properties, SigningKeys signingKeys) {
        this.bootstrap = bootstrap;
        this.orgs = orgs;
        this.properties = properties;
        this.signingKeys = signingKeys;
    }

    @PostMapping("/orgs")
    Mono<BootstrapResponse> bootstrap(@RequestHeader(name = HEADER, required = false) String token,
            @Valid @RequestBody Mono<BootstrapRequest> body) {
        return authorize(token)
            .then(body)
            .flatMap(request -> bootstrap.bootstrap(request.name().trim(), request.slug(),
                    request.allowedOrigins() == null ? List.of() : request.allowedOrigins(),
                    request.admin().email(), request.admin().password(), request.admin().name()))
            .map(done -> new BootstrapResponse(done.org().id().toString(), done.widgetToken().token(),
                    done.apiKey().secret(), done.operatorEmail()));
    }

    @GetMapping("/cors")
    Flux<CorsEntry> cors(@RequestHeader(name = HEADER, required = false) String token) {
        return authorize(token).thenMany(orgs.allWidgetTokens()
            .map(widget -> new CorsEntry(widget.orgId().toString(), widget.token(), widget.allowedOrigins())));
    }

    /**
     * Makes a new signing key active. The previous key stays in the JWKS, so tokens it signed keep
     * validating until they expire; retire it after the longest token lifetime (24 h).
     */
    @PostMapping("/signing-keys/rotate")
    Mono<SigningKeyResponse> rotateSigningKey(@RequestHeader(name = HEADER, required = false) String token) {
        return authorize(token).then(signingKeys.rotate()).map(SigningKeyResponse::new);
    }

    /** Removes a no longer active key from the JWKS; tokens it signed stop validating everywhere. */
    @PostMapping("/signing-keys/{kid}/retire")
    Mono<SigningKeyResponse> retireSigningKey(@RequestHeader(name = HEADER, required = false) String token,
            @PathVariable String kid) {
        return authorize(token).then(signingKeys.retire(kid))
            .flatMap(retired -> retired ? Mono.just(new SigningKeyResponse(kid))
                    : Mono.error(Problem.conflict("No key " + kid + " to retire: unknown, active or already retired")));
    }

    private Mono<Void> authorize(String token) {
        return Secrets.constantTimeEquals(token, properties.token()) ? Mono.empty()
                : Mono.error(Problem.unauthorized("A valid X-Internal-Token header is required"));
    }

    record BootstrapRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be lower-case letters, digits and dashes") String slug,
            @Size(max = 50) List<@NotBlank @Size(max = 255) String> allowedOrigins,
            @NotNull @Valid Admin admin) {
    }

    record Admin(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(min = 8, max = 200) @BcryptPassword String password,
            @NotBlank @Size(max = 200) String name) {

        @Override
        public String toString() {
            return "Admin[email=" + email + "]";
        }
    }

    record BootstrapResponse(String orgId, String widgetToken, String apiKey, String operatorEmail) {

        @Override
        public String toString() {
            return "BootstrapResponse[orgId=" + orgId + "]";
        }
    }

    record SigningKeyResponse(String kid) {
    }

    record CorsEntry(String orgId, String widgetToken, List<String> allowedOrigins) {
    }
}
