package com.supportchat.ai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.supportchat.resourceserver.RolesClaim;
import com.supportchat.resourceserver.TokenDecoders;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class SecurityConfigurationTest {

    @Test
    void theRolesClaimBecomesRoleAuthorities() {
        Jwt jwt = token(List.of("supportchat-console"), List.of("admin", "agent"));

        assertThat(RolesClaim.authorities(jwt)).extracting(GrantedAuthority::getAuthority)
            .containsExactly("ROLE_ADMIN", "ROLE_AGENT");
    }

    @Test
    void onlyConsoleTokensAreAccepted() {
        var validator = TokenDecoders.validator(SecurityConfiguration.ISSUER, SecurityConfiguration.AUDIENCE);
        assertThat(validator
            .validate(token(List.of("supportchat-console"), List.of("agent"))).hasErrors()).isFalse();
        assertThat(validator
            .validate(token(List.of("supportchat-widget"), List.of())).hasErrors()).isTrue();
    }

    private static Jwt token(List<String> audience, List<String> roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("op-1").issuer("supportchat-identity")
            .audience(audience).claim("roles", roles).claim("org", "org-1").issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
