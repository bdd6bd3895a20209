package com.supportchat.gateway.cors;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.supportchat.gateway.edge.RequestPaths;
import com.supportchat.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * First CORS gate for {@code /widget/**}, before the token check: answers preflights itself (a
 * preflight carries no token, and which org it is for is unknown until the real request), and lets
 * a browser request through only when some org allows its origin. The per-org check needs the
 * token's {@code org} claim and is done by {@link WidgetOrgOriginWebFilter}; {@code /widget/v1/session}
 * carries a widget token in its body and is checked by identity-service.
 */
@Component
@Order(WidgetCorsWebFilter.ORDER)
class WidgetCorsWebFilter implements WebFilter {

    /** Before Spring Security's chain (-100). */
    static final int ORDER = -200;

    private final AllowedOriginsCache allowedOrigins;

    WidgetCorsWebFilter(AllowedOriginsCache allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (!WidgetCors.appliesTo(RequestPaths.of(exchange))) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (origin == null || WidgetCors.isSameOrigin(request, origin)) {
            // the answer differs by Origin, so a shared cache must not hand this one to a browser
            response.beforeCommit(() -> {
                WidgetCors.addVary(response.getHeaders(), HttpHeaders.ORIGIN);
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
        return allowedOrigins.currentOrRefreshed(origins -> origins.allowedByAnyOrg(origin)).flatMap(origins -> {
            if (!origins.allowedByAnyOrg(origin)) {
                exchange.getAttributes().put(WidgetCors.DENIED, true);
                return Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Origin not allowed",
                        "This origin is not allowed to use the chat widget.");
            }
            if (CorsUtils.isPreFlightRequest(request)) {
                WidgetCors.applyPreflightHeaders(response.getHeaders(), origin);
                response.setStatusCode(HttpStatus.OK);
                return response.setComplete();
            }
            response.beforeCommit(() -> {
                if (!WidgetCors.isDenied(exchange)) {
                    WidgetCors.applyActualResponseHeaders(response.getHeaders(), origin);
                }
                return Mono.empty();
            });
            return chain.filter(exchange);
        });
    }
}
