package com.supportchat.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** The five upstream services, started once per test JVM so every IT shares one Spring context. */
final class FakeUpstreams {

    static final String INTERNAL_TOKEN = "test-internal-token";

    static final String CORS_JSON = """
            [{"orgId":"org-a","widgetToken":"wt-a","allowedOrigins":["https://shop-a.example"]},
             {"orgId":"org-b","widgetToken":"wt-b","allowedOrigins":["https://shop-b.example/"]}]
            """;

    /** What identity answers on /internal/v1/cors; a test may add an org for a while. */
    static final java.util.concurrent.atomic.AtomicReference<String> CORS = new java.util.concurrent.atomic.AtomicReference<>(CORS_JSON);

    private static final Map<String, SseScript> SSE_SCRIPTS = new ConcurrentHashMap<>();

    static final FakeUpstream IDENTITY = new FakeUpstream("identity", routes -> routes
            .get("/.well-known/jwks.json", (request, response) -> response.header("Content-Type", "application/json")
                    .sendString(Mono.just(TestTokens.jwksJson())))
            .get("/internal/v1/cors", (request, response) -> INTERNAL_TOKEN.equals(
                    request.requestHeaders().get("X-Internal-Token"))
                            ? response.header("Content-Type", "application/json").sendString(Mono.fromSupplier(CORS::get))
                            : response.status(401).send()));

    static final FakeUpstream CONVERSATION = new FakeUpstream("conversation", routes -> routes
            .get("/widget/v1/conversations/{id}/events", FakeUpstreams::stream)
            .get("/api/v1/events", FakeUpstreams::stream)
            // answers after the gateway's response timeout for request/response routes
            .get("/api/v1/analytics/slow", (request, response) -> Mono.delay(Duration.ofSeconds(6))
                    .then(response.sendString(Mono.just("{}")).then())));

    static final FakeUpstream AI = new FakeUpstream("ai-responder", routes -> {
    });

    static final FakeUpstream HANDOFF = new FakeUpstream("handoff", routes -> {
    });

    static final FakeUpstream NOTIFICATION = new FakeUpstream("notification", routes -> {
    });

    private FakeUpstreams() {
    }

    /** Scripts the SSE stream an upstream serves at this path; the test decides when each event goes out. */
    static SseScript sse(String path) {
        SseScript script = new SseScript();
        SSE_SCRIPTS.put(path, script);
        return script;
    }

    private static Publisher<Void> stream(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        SseScript script = SSE_SCRIPTS.get(path);
        if (script == null) {
            return response.status(404).send();
        }
        script.lastEventId.set(String.valueOf(request.requestHeaders().get("Last-Event-ID")));
        response.withConnection(connection -> connection.onDispose(() -> script.upstreamClosed.set(true)));
        return response.status(200)
                .header("Content-Type", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .sendString(script.events.asFlux().doOnCancel(() -> script.upstreamClosed.set(true)));
    }

    static final class SseScript {

        final Sinks.Many<String> events = Sinks.many().unicast().onBackpressureBuffer();

        final AtomicBoolean upstreamClosed = new AtomicBoolean();

        final AtomicReference<String> lastEventId = new AtomicReference<>();

        void emit(String id, String data) {
            events.tryEmitNext("id: " + id + "\nevent: message\ndata: " + data + "\n\n").orThrow();
        }
    }
}
