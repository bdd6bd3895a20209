package com.supportchat.identity.widget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.supportchat.identity.signing.Audiences;
import com.supportchat.identity.signing.IssuedToken;
import com.supportchat.identity.signing.TokenProperties;
import com.supportchat.identity.signing.Tokens;

import org.springframework.stereotype.Component;

/**
 * Widget access tokens ({@code aud supportchat-widget}): {@code sub} and {@code vid} the visitor id,
 * {@code org}, {@code idt}, {@code cid}/{@code xid} when verified, {@code owner}, {@code name}, {@code email}.
 */
@Component
class WidgetAccessTokens {

    private final Tokens tokens;
    private final TokenProperties properties;

    WidgetAccessTokens(Tokens tokens, TokenProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    Mono<IssuedToken> issue(UUID orgId, ResolvedIdentity identity) {
        return tokens.issue(Audiences.WIDGET, identity.visitorId().toString(), properties.widgetTokenTtl(),
                claims(orgId, identity));
    }

    static Map<String, Object> claims(UUID orgId, ResolvedIdentity identity) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("org", orgId.toString());
        claims.put("idt", identity.typeWire());
        claims.put("vid", identity.visitorId().toString());
        claims.put("cid", identity.contactId() == null ? null : identity.contactId().toString());
        claims.put("xid", identity.externalId());
        claims.put("owner", identity.ownerKey());
        claims.put("name", identity.name());
        claims.put("email", identity.email());
        return claims;
    }
}
