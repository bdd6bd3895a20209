package com.supportchat.gateway.cors;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.supportchat.gateway.edge.RequestPaths;
import com.supportchat.gateway.problem.Problems;
import com.supportchat.gateway.token.ProtectedPaths;

import reactor.core.publisher.Mono;

/**
 * Second CORS gate, after the token check: a widget token may be used from a browser only on the
 * origins its own org allows, so a page of org A cannot drive a visitor session of org B.
 */
@Component
@Order(WidgetOrgOriginWebFilter.ORDER)
class WidgetOrgOriginWebFilter implements WebFilter {

    /** After Spring Security's chain (-100), so the token has been validated. */
    static final int ORDER = -50;

    private final AllowedOriginsCache allowedOrigins;

    WidgetOrgOriginWebFilter(AllowedOriginsCache allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null || WidgetCors.isSameOrigin(request, origin)
                || ProtectedPaths.audienceFor(RequestPaths.of(exchange))
                        .filter(audience -> audience == ProtectedPaths.Audience.WIDGET).isEmpty()) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(JwtAuthenticationToken.class)
                .map(token -> token.getToken().getClaimAsString("org"))
                .defaultIfEmpty("")
                .flatMap(org -> allowedOrigins.currentOrRefreshed(origins -> origins.allowedByOrg(org, origin))
                        .map(origins -> origins.allowedByOrg(org, origin)))
                .flatMap(allowed -> {
                    if (allowed) {
                        return chain.filter(exchange);
                    }
                    exchange.getAttributes().put(WidgetCors.DENIED, true);
                    return Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Origin not allowed",
                            "This origin is not allowed for the widget's organisation.");
                });
    }
}
