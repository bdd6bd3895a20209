package com.supportchat.identity.security;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** The operator behind a console request, taken from their verified token. */
public record Caller(UUID operatorId, UUID orgId) {

    public static Caller of(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString("org")));
    }
}
