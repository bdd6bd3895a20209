package com.supportchat.perf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * A stub OpenAI-compatible chat completions server inside the benchmark JVM (127.0.0.1, a free port). It answers
 * {@code POST /v1/chat/completions} and {@code POST /chat/completions} with a short assistant answer (no tool
 * calls) after a configurable delay, the time to first token: the whole {@code chat.completion} JSON after the
 * delay, or, when the request asks for {@code "stream": true}, Server-Sent Events {@code chat.completion.chunk}s
 * whose first chunk comes after the delay, then {@code data: [DONE]}.
 *
 * <p>The benchmark's questions end in {@code (ref N)}; the stub reads N from the last user message and notes on
 * that message when the model call arrived and when it was answered. The Authorization header is never read or
 * kept.
 */
final class StubModel implements AutoCloseable {

    private static final Pattern REF = Pattern.compile("\\(ref ([0-9]+)\\)");
    /** Streamed answers: the words of the answer, one chunk each, this far apart after the first. */
    private static final Duration CHUNK_GAP = Duration.ofMillis(5);

    private final LongFunction<Bench.Pending> byRef;
    private final LoopResources loops = LoopResources.create("perf-stub-model", 1, true);
    private final DisposableServer server;
    private final AtomicLong ids = new AtomicLong();
    volatile long ttftMs;

    final AtomicLong requests = new AtomicLong();
    final AtomicLong streamed = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong unmatched = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();
    final Map<String, AtomicLong> otherPaths = new ConcurrentHashMap<>();
    /** What the platform's model client sent: the first request's top-level fields and headers (no values). */
    volatile Map<String, Object> sampleRequest;

    StubModel(LongFunction<Bench.Pending> byRef) {
        this.byRef = byRef;
        this.server = HttpServer.create().host("127.0.0.1").port(0).runOn(loops)
            .route(r -> r.post("/v1/chat/completions", this::complete)
                .post("/chat/completions", this::complete)
                .route(req -> true, (req, res) -> {
                    otherPaths.computeIfAbsent(req.method() + " " + req.uri(), k -> new AtomicLong()).incrementAndGet();
                    return res.status(HttpResponseStatus.NOT_FOUND).header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"error\":{\"message\":\"the perf stub serves only POST /v1/chat/completions\","
                                + "\"type\":\"invalid_request_error\"}}"));
                }))
            .bindNow(Duration.ofSeconds(10));
    }

    int port() {
        return server.port();
    }

    /** The base URL to configure in the org's AI settings. */
    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    private Publisher<Void> complete(HttpServerRequest req, HttpServerResponse res) {
        long in = System.nanoTime();
        long delay = ttftMs;
        return req.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            requests.incrementAndGet();
            JsonNode json;
            try {
                json = Bench.JSON.readTree(body);
            } catch (Exception e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                badRequests.incrementAndGet();
                return res.status(HttpResponseStatus.BAD_REQUEST).header("Content-Type", "application/json")
                    .sendString(Mono.just("{\"error\":{\"message\":\"the body is not a JSON object\",\"type\":\"invalid_request_error\"}}"))
                    .then();
            }
            if (sampleRequest == null) {
                sampleRequest = describe(req, json);
            }
            Bench.Pending p = pendingOf(json);
            if (p == null) {
                unmatched.incrementAndGet();
            } else if (p.stubCalls.incrementAndGet() == 1) {
                p.stubInNs = in;
            }
            String model = json.path("model").asString("perf-stub");
            String id = "chatcmpl-perf-" + ids.incrementAndGet();
            long created = Instant.now().getEpochSecond();
            String text = "Thanks for your question" + (p == null ? "" : " (ref " + p.ref + ")")
                    + ". This is a short answer from the benchmark's stub model.";
            if (json.path("stream").asBoolean(false)) {
                streamed.incrementAndGet();
                return res.header("Content-Type", "text/event-stream").header("Cache-Control", "no-cache")
                    .sendString(chunks(id, created, model, text, delay, p)).then();
            }
            return res.header("Content-Type", "application/json")
                .sendString(Mono.delay(Duration.ofMillis(delay)).map(x -> {
                    answered(p);
                    return completion(id, created, model, text);
                }))
                .then();
        });
    }

    private void answered(Bench.Pending p) {
        answered.incrementAndGet();
        if (p != null && p.stubOutNs == 0) {
            p.stubOutNs = System.nanoTime();
        }
    }

    /** The message the question belongs to: the reference in the last user message. */
    private Bench.Pending pendingOf(JsonNode json) {
        JsonNode messages = json.path("messages");
        String last = null;
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asString(""))) {
                JsonNode content = m.path("content");
                last = content.isString() ? content.asString() : content.toString();
            }
        }
        if (last == null) {
            return null;
        }
        Matcher m = REF.matcher(last);
        Long ref = null;
        while (m.find()) {
            ref = Long.parseLong(m.group(1));
        }
        return ref == null ? null : byRef.apply(ref);
    }

    private static Map<String, Object> describe(HttpServerRequest req, JsonNode json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", req.uri());
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = json.propertyNames().iterator(); it.hasNext(); ) {
            fields.add(it.next());
        }
        m.put("fields", fields);
        m.put("stream", json.has("stream") ? json.get("stream").toString() : "absent");
        m.put("messages", json.path("messages").size());
        m.put("tools", json.path("tools").size());
        List<String> headers = new ArrayList<>();
        req.requestHeaders().names().stream().map(String::toLowerCase).sorted().forEach(headers::add);
        m.put("headerNames", headers);
        m.put("userAgent", req.requestHeaders().get("User-Agent"));
        return m;
    }

    private static String completion(String id, long created, String model, String text) {
        return "{\"id\":" + Bench.q(id) + ",\"object\":\"chat.completion\",\"created\":" + created + ",\"model\":" + Bench.q(model)
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + Bench.q(text)
                + ",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120},"
                + "\"system_fingerprint\":\"perf-stub\"}";
    }

    /** SSE chunks: role and first word after the time to first token, then the other words, a stop chunk, [DONE]. */
    private Flux<String> chunks(String id, long created, String model, String text, long delay, Bench.Pending p) {
        String head = "{\"id\":" + Bench.q(id) + ",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"model\":" + Bench.q(model) + ",\"system_fingerprint\":\"perf-stub\",\"choices\":[{\"index\":0,\"delta\":";
        String[] words = text.split("(?<= )");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String delta = (i == 0 ? "{\"role\":\"assistant\",\"content\":" : "{\"content\":") + Bench.q(words[i]) + "}";
            events.add("data: " + head + delta + ",\"finish_reason\":null,\"logprobs\":null}]}\n\n");
        }
        events.add("data: " + head + "{},\"finish_reason\":\"stop\",\"logprobs\":null}]}\n\n");
        events.add("data: [DONE]\n\n");
        return Flux.concat(
                Mono.delay(Duration.ofMillis(delay)).map(x -> events.get(0)),
                Flux.fromIterable(events.subList(1, events.size())).delayElements(CHUNK_GAP))
            .doOnComplete(() -> answered(p));
    }

    /** Counters as they stand (per time-to-first-token run: subtract the previous snapshot). */
    Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("requests", requests.get());
        m.put("streamed", streamed.get());
        m.put("answered", answered.get());
        m.put("unmatched", unmatched.get());
        m.put("badRequests", badRequests.get());
        return m;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }
}
