package com.supportchat.resourceserver.revocation;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Wraps a service's token decoder so that, after the signature and claims checks, a token of an operator cut off
 * since it was issued ({@link NotRevoked}) is refused like any invalid token: 401.
 */
final class RevocationCheckingDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;

    private final NotRevoked notRevoked;

    RevocationCheckingDecoder(ReactiveJwtDecoder delegate, NotRevoked notRevoked) {
        this.delegate = delegate;
        this.notRevoked = notRevoked;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return delegate.decode(token).flatMap(jwt -> notRevoked.validate(jwt).hasErrors()
            ? Mono.error(new BadJwtException("The token was revoked"))
            : Mono.just(jwt));
    }
}
