package com.supportchat.gateway.edge;

import java.net.URI;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the demo page and the console at their folder addresses: {@code /demo} and {@code /console}
 * redirect to the trailing-slash form (so the pages' relative asset URLs resolve inside the folder), and
 * {@code /demo/} and {@code /console/} are answered with the folder's {@code index.html}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticIndexFilter implements WebFilter {

    private static final Set<String> FOLDERS = Set.of("/demo", "/console");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (FOLDERS.contains(path)) {
            String query = exchange.getRequest().getURI().getRawQuery();
            exchange.getResponse().setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            exchange.getResponse().getHeaders().setLocation(URI.create(path + "/" + (query == null ? "" : "?" + query)));
            return exchange.getResponse().setComplete();
        }
        if (path.endsWith("/") && FOLDERS.contains(path.substring(0, path.length() - 1))) {
            ServerWebExchange index = exchange.mutate()
                .request(exchange.getRequest().mutate().path(path + "index.html").build())
                .build();
            return chain.filter(index);
        }
        return chain.filter(exchange);
    }
}
