package com.supportchat.resourceserver;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** A decoder over {@link RefreshingJwks}; as a bean, its periodic refresh stops with the context. */
final class RefreshingJwtDecoder implements ReactiveJwtDecoder, DisposableBean {

    private final ReactiveJwtDecoder decoder;
    private final RefreshingJwks keys;

    RefreshingJwtDecoder(ReactiveJwtDecoder decoder, RefreshingJwks keys) {
        this.decoder = decoder;
        this.keys = keys;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        return decoder.decode(token);
    }

    @Override
    public void destroy() {
        keys.stop();
    }
}
