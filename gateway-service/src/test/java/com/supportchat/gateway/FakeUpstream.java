package com.supportchat.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A real HTTP server playing one upstream service: it records every call and answers with the body it
 * received, naming itself in {@code X-Upstream}. Extra routes (JWKS, CORS list, SSE) come first.
 */
final class FakeUpstream {

    record Call(String method, String uri, Map<String, String> headers, int bodyLength) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }
    }

    private final String name;

    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    private final DisposableServer server;

    FakeUpstream(String name, Consumer<HttpServerRoutes> extraRoutes) {
        this.name = name;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> {
                    extraRoutes.accept(routes);
                    routes.route(request -> true, (request, response) -> request.receive()
                            .aggregate()
                            .asByteArray()
                            .defaultIfEmpty(new byte[0])
                            .flatMap(body -> {
                                record(request.method().name(), request.uri(), request.requestHeaders(), body.length);
                                return response.status(200)
                                        .header("X-Upstream", name)
                                        .header("Content-Type", "application/json")
                                        .sendByteArray(Mono.just(body.length == 0 ? "{}".getBytes() : body))
                                        .then();
                            }));
                })
                .bindNow();
    }

    void record(String method, String uri, io.netty.handler.codec.http.HttpHeaders headers, int bodyLength) {
        Map<String, String> copy = new TreeMap<>();
        headers.forEach(entry -> copy.merge(entry.getKey().toLowerCase(), entry.getValue(), (a, b) -> a + "," + b));
        calls.add(new Call(method, uri, copy, bodyLength));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    String name() {
        return name;
    }

    List<Call> callsTo(String uri) {
        return calls.stream().filter(call -> call.uri().equals(uri)).toList();
    }

    Optional<Call> lastCallTo(String uri) {
        List<Call> matching = callsTo(uri);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }
}
