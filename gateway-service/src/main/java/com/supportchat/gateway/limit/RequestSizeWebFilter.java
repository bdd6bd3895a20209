package com.supportchat.gateway.limit;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.supportchat.gateway.edge.RequestPaths;
import com.supportchat.gateway.problem.PayloadTooLargeException;
import com.supportchat.gateway.problem.Problems;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for request bodies over the limit of their path. A declared {@code Content-Length} is refused
 * up front; a chunked body is counted while it streams and aborted once it passes the limit. Runs after
 * the CORS gate, so a browser can read the 413, and before the token check, which is dearer.
 */
@Component
@Order(-150)
class RequestSizeWebFilter implements WebFilter {

    private final long defaultMax;

    private final long knowledgeBaseMax;

    RequestSizeWebFilter(RequestSizeProperties properties) {
        this.defaultMax = properties.defaultMax().toBytes();
        this.knowledgeBaseMax = properties.knowledgeBaseMax().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(RequestPaths.of(exchange));
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Request body too large", "The request body exceeds the limit of " + limit
                            + " bytes for this path.");
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(limit));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    long limitFor(String path) {
        if (path.equals("/api/v1/knowledge-base") || path.startsWith("/api/v1/knowledge-base/")) {
            return knowledgeBaseMax;
        }
        return defaultMax;
    }
}
