package com.supportchat.resourceserver.revocation;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token whose operator's access was cut after it was issued ({@link RevokedOperators}): 401. */
public class NotRevoked implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The token was revoked", null);

    private final RevokedOperators revoked;

    public NotRevoked(RevokedOperators revoked) {
        this.revoked = revoked;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return revoked.isRevoked(token.getSubject(), token.getIssuedAt()) ? OAuth2TokenValidatorResult.failure(REVOKED)
            : OAuth2TokenValidatorResult.success();
    }
}
