package com.supportchat.gateway.limit;

import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.supportchat.gateway.edge.ClientAddress;
import com.supportchat.gateway.edge.RequestPaths;
import com.supportchat.gateway.problem.Problems;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * 429 when a client opens more live-update streams than {@link StreamLimitProperties} allow; the slot is given
 * back when the stream ends, however it ends (client gone, upstream closed, error). Runs after the token check,
 * so a stream is counted against the validated subject.
 */
@Component
@Order(-39)
class StreamLimitWebFilter implements WebFilter {

    private static final Pattern WIDGET_STREAM = Pattern.compile("/widget/v1/conversations/[^/]+/events");

    private static final String CONSOLE_STREAM = "/api/v1/events";

    private final OpenStreams streams;

    private final ClientAddress clientAddress;

    private final MeterRegistry meters;

    StreamLimitWebFilter(OpenStreams streams, ClientAddress clientAddress, MeterRegistry meters) {
        this.streams = streams;
        this.clientAddress = clientAddress;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        String path = RequestPaths.of(exchange);
        boolean visitor = WIDGET_STREAM.matcher(path).matches();
        if (!visitor && !CONSOLE_STREAM.equals(path)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName)
                .defaultIfEmpty("")
                // no validated subject: the token check answers; nothing to count
                .flatMap(subject -> subject.isEmpty() ? chain.filter(exchange)
                        : open(exchange, chain, visitor, subject));
    }

    private Mono<Void> open(ServerWebExchange exchange, WebFilterChain chain, boolean visitor, String subject) {
        OpenStreams.Slot slot = streams.tryOpen(visitor, subject, clientAddress.of(exchange));
        if (slot == null) {
            meters.counter("supportchat.gateway.streams.refused", "client", visitor ? "visitor" : "operator")
                    .increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                    "Too many open streams",
                    "Too many live-update streams are open for this client; close one (another tab or window) "
                            + "or retry later.");
        }
        return chain.filter(exchange).doFinally(signal -> slot.release());
    }
}
