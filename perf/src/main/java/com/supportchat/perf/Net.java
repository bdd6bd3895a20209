package com.supportchat.perf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Non-blocking HTTP requests and a streaming Server-Sent Events reader on reactor-netty. */
final class Net {

    record Resp(int status, String body) {
    }

    /** One parsed SSE event; {@code arrivedNs} is taken when its bytes arrived, before any parsing. */
    record SseEvent(String event, String id, String data, long arrivedNs) {
    }

    private final LoopResources loops = LoopResources.create("perf-client", 2, true);
    private final HttpClient requests;
    private final HttpClient streams;

    Net() {
        ConnectionProvider requestPool = ConnectionProvider.builder("perf-requests").maxConnections(256)
            .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        ConnectionProvider streamPool = ConnectionProvider.builder("perf-streams").maxConnections(20_000)
            .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        requests = HttpClient.create(requestPool).runOn(loops).responseTimeout(Duration.ofSeconds(30));
        streams = HttpClient.create(streamPool).runOn(loops);
    }

    Mono<Resp> post(String url, String bearer, String json) {
        return requests.headers(h -> {
                h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                h.set(HttpHeaderNames.ACCEPT, "application/json");
                if (bearer != null) {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
                }
            })
            .post().uri(url).send(ByteBufFlux.fromString(Mono.just(json)))
            .responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(b -> new Resp(res.status().code(), b)));
    }

    Mono<Resp> get(String url, String bearer) {
        return requests.headers(h -> {
                h.set(HttpHeaderNames.ACCEPT, "application/json");
                if (bearer != null) {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
                }
            })
            .get().uri(url)
            .responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(b -> new Resp(res.status().code(), b)));
    }

    Mono<Resp> getText(String url) {
        return requests.headers(h -> h.set(HttpHeaderNames.ACCEPT, "text/plain;version=0.0.4;q=1,*/*;q=0.1"))
            .get().uri(url)
            .responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(b -> new Resp(res.status().code(), b)));
    }

    /** A live SSE subscription: {@link #opened} completes on the first bytes (the server's comment). */
    static final class Stream {
        final CompletableFuture<Void> opened = new CompletableFuture<>();
        volatile Disposable subscription;
        volatile Throwable ended;

        void close() {
            Disposable d = subscription;
            if (d != null) {
                d.dispose();
            }
        }
    }

    Stream sse(String url, String bearer, String lastEventId, Consumer<SseEvent> onEvent) {
        Stream s = new Stream();
        Parser parser = new Parser(onEvent);
        s.subscription = streams.headers(h -> {
                h.set(HttpHeaderNames.ACCEPT, "text/event-stream");
                if (bearer != null) {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
                }
                if (lastEventId != null) {
                    h.set("Last-Event-ID", lastEventId);
                }
            })
            .get().uri(url)
            .response((res, body) -> res.status().code() == 200 ? body.asByteArray()
                    : Flux.error(new IllegalStateException("SSE " + url + " answered HTTP " + res.status().code())))
            .subscribe(bytes -> {
                long now = System.nanoTime();
                s.opened.complete(null);
                parser.feed(bytes, now);
            }, err -> {
                s.ended = err;
                s.opened.completeExceptionally(err);
            }, () -> s.opened.completeExceptionally(new IllegalStateException("SSE " + url + " ended")));
        return s;
    }

    void close() {
        loops.disposeLater().block(Duration.ofSeconds(5));
    }

    /** Splits the byte stream on blank lines and parses event/id/data fields (text/event-stream). */
    static final class Parser {
        private final Consumer<SseEvent> onEvent;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Parser(Consumer<SseEvent> onEvent) {
            this.onEvent = onEvent;
        }

        synchronized void feed(byte[] bytes, long arrivedNs) {
            pending.write(bytes, 0, bytes.length);
            byte[] all = pending.toByteArray();
            int start = 0;
            for (int i = 0; i + 1 < all.length; i++) {
                if (all[i] == '\n' && all[i + 1] == '\n') {
                    block(new String(all, start, i - start, StandardCharsets.UTF_8), arrivedNs);
                    start = i + 2;
                    i++;
                }
            }
            pending.reset();
            pending.write(all, start, all.length - start);
        }

        private void block(String text, long arrivedNs) {
            String event = "message";
            String id = null;
            StringBuilder data = null;
            for (String line : text.split("\r?\n")) {
                if (line.isEmpty() || line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> event = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                    }
                }
            }
            if (data != null) {
                onEvent.accept(new SseEvent(event, id, data.toString(), arrivedNs));
            }
        }
    }
}
