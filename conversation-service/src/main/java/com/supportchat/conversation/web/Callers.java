package com.supportchat.conversation.web;

import com.supportchat.conversation.thread.Actor;
import com.supportchat.conversation.thread.Owner;
import com.supportchat.events.IdentityType;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, from the claims identity-service put in the token (docs/architecture.md, "Tokens"). */
final class Callers {

    private Callers() {
    }

    static Owner owner(Jwt jwt) {
        String owner = jwt.getClaimAsString("owner");
        String org = jwt.getClaimAsString("org");
        if (owner == null || org == null) {
            throw new org.springframework.security.access.AccessDeniedException("widget token without owner or org");
        }
        return new Owner(org, owner, identityType(jwt.getClaimAsString("idt")), jwt.getClaimAsString("vid"),
                jwt.getClaimAsString("cid"), jwt.getClaimAsString("xid"), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"));
    }

    static String org(Jwt jwt) {
        String org = jwt.getClaimAsString("org");
        if (org == null) {
            throw new org.springframework.security.access.AccessDeniedException("token without org");
        }
        return org;
    }

    static Actor operator(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return Actor.operator(jwt.getSubject(), name == null || name.isBlank() ? "Operator" : name);
    }

    private static IdentityType identityType(String claim) {
        if (claim == null) {
            return IdentityType.ANONYMOUS;
        }
        return switch (claim) {
            case "verified" -> IdentityType.VERIFIED;
            case "non_verified" -> IdentityType.NON_VERIFIED;
            default -> IdentityType.ANONYMOUS;
        };
    }
}
