package com.supportchat.identity.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import com.supportchat.identity.signing.Audiences;
import com.supportchat.identity.signing.IssuedToken;
import com.supportchat.identity.signing.TokenProperties;
import com.supportchat.identity.signing.Tokens;

import org.springframework.stereotype.Component;

/** Operator access tokens: {@code aud supportchat-console}, {@code sub} operator id, org, roles, name, email. */
@Component
class ConsoleTokens {

    private final Tokens tokens;
    private final TokenProperties properties;

    ConsoleTokens(Tokens tokens, TokenProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    Mono<IssuedToken> issue(Operator operator) {
        return tokens.issue(Audiences.CONSOLE, operator.id().toString(), properties.consoleTokenTtl(), claims(operator));
    }

    static Map<String, Object> claims(Operator operator) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("org", operator.orgId().toString());
        claims.put("roles", List.of(operator.role().wire()));
        claims.put("name", operator.name());
        claims.put("email", operator.email());
        return claims;
    }
}
