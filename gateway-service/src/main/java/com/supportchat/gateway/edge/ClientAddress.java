package com.supportchat.gateway.edge;

import java.net.InetSocketAddress;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The address of the client that sent a request, as far as the gateway may believe it. */
@Component
public class ClientAddress {

    private final boolean trustForwardedHeaders;

    ClientAddress(EdgeProperties properties) {
        this.trustForwardedHeaders = properties.trustForwardedHeaders();
    }

    public String of(ServerWebExchange exchange) {
        if (trustForwardedHeaders) {
            String forwardedFor = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                return forwardedFor.split(",")[0].trim();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
