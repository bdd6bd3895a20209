package com.supportchat.gateway.edge;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client that sent a request, as far as the gateway may believe it.
 *
 * <p>{@code X-Forwarded-For} is read from the right: each proxy appends the address it received the request
 * from, so only the entries written by proxies we trust are true, and everything to the left of the first
 * untrusted entry may be made up by the client. Taking the leftmost entry (what the client sent) would let
 * anyone pick their own rate-limit key.
 */
@Component
public class ClientAddress {

    private final List<AddressRange> trustedProxies;

    private final boolean trustAnyPeer;

    public ClientAddress(EdgeProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(AddressRange::parse).toList();
        this.trustAnyPeer = properties.trustForwardedHeaders();
    }

    public String of(ServerWebExchange exchange) {
        String peer = peerAddress(exchange);
        if (!isTrustedPeer(peer)) {
            return peer;
        }
        List<String> chain = forwardedFor(exchange);
        if (chain.isEmpty()) {
            return peer;
        }
        if (trustedProxies.isEmpty()) {
            // the older switch: one proxy of unknown address in front, so its entry (the last) is the client
            return chain.get(chain.size() - 1);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!isTrustedProxy(chain.get(i))) {
                return chain.get(i);
            }
        }
        // every entry is one of our proxies: the leftmost is the nearest thing to a client there is
        return chain.get(0);
    }

    /** Whether the peer that opened this connection may speak for the client (forwarded headers kept). */
    public boolean isTrustedPeer(ServerWebExchange exchange) {
        return isTrustedPeer(peerAddress(exchange));
    }

    private boolean isTrustedPeer(String peer) {
        return trustAnyPeer || isTrustedProxy(peer);
    }

    private boolean isTrustedProxy(String address) {
        for (AddressRange proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(ServerWebExchange exchange) {
        List<String> values = exchange.getRequest().getHeaders().get("X-Forwarded-For");
        List<String> chain = new ArrayList<>();
        if (values == null) {
            return chain;
        }
        for (String value : values) {
            for (String entry : value.split(",")) {
                String address = normalise(entry);
                if (!address.isEmpty()) {
                    chain.add(address);
                }
            }
        }
        return chain;
    }

    /** {@code " [2001:db8::1]:443 "} and {@code "203.0.113.9:5000"} become the bare address. */
    static String normalise(String entry) {
        String address = entry.trim();
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.indexOf(':');
        if (colon > 0 && address.indexOf(':', colon + 1) < 0) {
            return address.substring(0, colon);
        }
        return address;
    }

    private static String peerAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = socketPeer(exchange);
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /**
     * The address at the other end of the connection. Not {@code getRemoteAddress()}: with
     * {@code spring.cloud.gateway.server.webflux.trusted-proxies} set, Spring Cloud Gateway has Reactor Netty rewrite
     * the request's remote address from the {@code Forwarded} and {@code X-Forwarded-For} headers of any peer the regex
     * trusts (".*": every client), so a client could choose its own rate-limit key (found by AttackSuiteIT).
     */
    private static InetSocketAddress socketPeer(ServerWebExchange exchange) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        }
        catch (IllegalStateException noServer) {
            // a mock request (tests): its remote address is the socket's
            nativeRequest = null;
        }
        if (nativeRequest instanceof HttpServerRequest netty
                && netty.connectionRemoteAddress() instanceof InetSocketAddress connection) {
            return connection;
        }
        return exchange.getRequest().getRemoteAddress();
    }
}
