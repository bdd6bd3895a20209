package com.supportchat.gateway.edge;

import java.nio.charset.StandardCharsets;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * The path every gateway decision (token needed? CORS? which limit?) is taken on: percent-decoded, the
 * way route predicates see it, without a trailing slash. {@link InternalPathGuard} has already refused
 * paths with matrix parameters, empty segments or encoded separators, so this form cannot disagree
 * with the route that will be chosen.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String of(ServerWebExchange exchange) {
        return normalise(exchange.getRequest().getPath().value());
    }

    static String normalise(String rawPath) {
        String decoded = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        while (decoded.length() > 1 && decoded.endsWith("/")) {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        return decoded;
    }
}
