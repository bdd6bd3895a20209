package com.supportchat.ai.web;

import org.springframework.security.oauth2.jwt.Jwt;

/** The caller's org, from the operator token's {@code org} claim; every query is scoped to it. */
final class Operators {

    private Operators() {
    }

    static String org(Jwt jwt) {
        String org = jwt.getClaimAsString("org");
        if (org == null || org.isBlank()) {
            throw new Problems.Invalid("the access token carries no org");
        }
        return org;
    }
}
