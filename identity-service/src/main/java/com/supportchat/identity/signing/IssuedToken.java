package com.supportchat.identity.signing;

import java.time.Instant;

/** A signed JWT and the moment it stops being valid. */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        // the token is a credential: keep it out of logs and exception messages
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
