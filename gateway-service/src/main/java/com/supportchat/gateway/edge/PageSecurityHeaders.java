package com.supportchat.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A Content-Security-Policy and a Referrer-Policy on the two pages the gateway serves. Both load only their
 * own scripts and talk only to this origin, so an injected script or a script from elsewhere does not run,
 * and nothing is sent to another origin. The console may not be framed at all (clickjacking an operator);
 * the demo store only by itself. Styles may be inline: the widget puts its stylesheet and a few style
 * attributes into its shadow root. The widget script itself carries no policy: the host page's applies
 * (docs/web.md says what a host must allow).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageSecurityHeaders implements WebFilter {

    static final String CONSOLE_POLICY = policy("'none'");

    static final String DEMO_POLICY = policy("'self'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (path.equals("/console") || path.startsWith("/console/")) {
            headers.set("Content-Security-Policy", CONSOLE_POLICY);
            headers.set("Referrer-Policy", "same-origin");
        }
        else if (path.equals("/demo") || path.startsWith("/demo/")) {
            headers.set("Content-Security-Policy", DEMO_POLICY);
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        return chain.filter(exchange);
    }

    private static String policy(String frameAncestors) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
    }
}
