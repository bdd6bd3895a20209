package com.supportchat.gateway.edge;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Drops forwarded headers a client made up: they are kept only on requests from a trusted proxy
 * ({@link ClientAddress#isTrustedPeer}). The gateway's own
 * X-Forwarded-* headers are added afterwards by Spring Cloud Gateway's XForwardedHeadersFilter, so an
 * upstream always sees the real client, scheme, host and port.
 */
@Component
class ForwardedHeadersPolicy implements GlobalFilter, Ordered {

    private static final List<String> FORWARDED_HEADERS = List.of("Forwarded", "X-Forwarded-For",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix");

    private final ClientAddress clientAddress;

    ForwardedHeadersPolicy(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!carriesForwardedHeaders(exchange.getRequest().getHeaders()) || clientAddress.isTrustedPeer(exchange)) {
            // the usual case: nothing to drop, so no copy of the request and its headers
            return chain.filter(exchange);
        }
        ServerWebExchange stripped = exchange.mutate()
                .request(request -> request.headers(headers -> FORWARDED_HEADERS.forEach(headers::remove)))
                .build();
        return chain.filter(stripped);
    }

    private static boolean carriesForwardedHeaders(HttpHeaders headers) {
        for (String name : FORWARDED_HEADERS) {
            if (headers.containsHeader(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
