package com.supportchat.gateway.token;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import com.supportchat.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * 401 as problem details. The detail never echoes the token, and says no more than "missing" or
 * "invalid" so a caller cannot probe which check failed.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean presented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = presented ? "The bearer token is invalid, expired or not meant for this API."
                : "A bearer token is required.";
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }
}
