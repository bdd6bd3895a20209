package com.supportchat.notification.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** The operator behind a console request, from their verified token. */
public record Caller(String operatorId, String orgId) {

    public static Caller of(Jwt jwt) {
        String org = jwt.getClaimAsString("org");
        if (org == null || org.isBlank()) {
            throw new org.springframework.security.access.AccessDeniedException("token carries no org");
        }
        return new Caller(jwt.getSubject(), org);
    }
}
