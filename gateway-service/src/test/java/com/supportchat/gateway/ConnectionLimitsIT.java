package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.Disposable;

/** Caps on open live-update streams, and connections that send their request head too slowly. */
class ConnectionLimitsIT extends GatewayItSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {
            };

    @Test
    void aVisitorMayHaveFiveStreamsOpenAndGetsASlotBackWhenOneCloses() {
        String visitor = "visitor-" + UUID.randomUUID();
        String token = bearer(TestTokens.widgetFor(visitor, "org-a"));
        List<Disposable> open = new ArrayList<>();
        List<FakeUpstreams.SseScript> upstreams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String path = "/widget/v1/conversations/cap-" + UUID.randomUUID() + "/events";
            FakeUpstreams.SseScript upstream = FakeUpstreams.sse(path);
            upstreams.add(upstream);
            open.add(stream(path, token).subscribe());
            upstream.emit("1", "hello");
        }
        // each of the five reached its upstream (the stream is open end to end)
        await().atMost(Duration.ofSeconds(15)).until(() -> upstreams.stream().allMatch(u -> u.lastEventId.get() != null));

        String sixth = "/widget/v1/conversations/cap-" + UUID.randomUUID() + "/events";
        FakeUpstreams.SseScript sixthUpstream = FakeUpstreams.sse(sixth);
        client.get().uri(sixth)
                .header(HttpHeaders.AUTHORIZATION, token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/too-many-streams");
        assertThat(sixthUpstream.lastEventId.get()).as("the refused stream never reached the upstream").isNull();

        // another visitor is not affected
        String other = "/widget/v1/conversations/cap-" + UUID.randomUUID() + "/events";
        FakeUpstreams.SseScript otherUpstream = FakeUpstreams.sse(other);
        Disposable otherStream = stream(other, bearer(TestTokens.widget("org-a"))).subscribe();
        await().atMost(Duration.ofSeconds(15)).until(() -> otherUpstream.lastEventId.get() != null);
        otherStream.dispose();

        // closing one stream gives its slot back
        open.remove(0).dispose();
        await().atMost(Duration.ofSeconds(15)).until(() -> upstreams.get(0).upstreamClosed.get());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String again = "/widget/v1/conversations/cap-" + UUID.randomUUID() + "/events";
            FakeUpstreams.SseScript againUpstream = FakeUpstreams.sse(again);
            Disposable reopened = stream(again, token).subscribe();
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> againUpstream.lastEventId.get() != null);
            } finally {
                reopened.dispose();
            }
        });
        open.forEach(Disposable::dispose);
    }

    @Test
    void aConnectionTricklingItsRequestHeadIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /api/v1/conversations HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            boolean closed = false;
            // one header byte every 500 ms: never idle, never complete
            while (!closed && System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
                try {
                    out.write('X');
                    out.flush();
                    closed = in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing to read yet: the connection is still open
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(closed).as("closed by the gateway").isTrue();
            assertThat(took).isLessThan(Duration.ofSeconds(REQUEST_HEAD_TIMEOUT_SECONDS + 5));
        }
    }

    @Test
    void aPromptRequestOnTheSameKindOfConnectionIsServed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200");
        }
    }

    private reactor.core.publisher.Flux<ServerSentEvent<String>> stream(String path, String token) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE);
    }
}
