package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SseIT extends GatewayItSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {
            };

    @Test
    void widgetEventsStreamThroughOneByOneAndDisconnectReachesUpstream() {
        FakeUpstreams.SseScript upstream = FakeUpstreams.sse("/widget/v1/conversations/c-sse/events");
        Flux<ServerSentEvent<String>> events = WebClient.create("http://localhost:" + port)
                .get()
                .uri("/widget/v1/conversations/c-sse/events")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.widget("org-a")))
                .header("Last-Event-ID", "41")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE);

        StepVerifier.create(events)
                .then(() -> upstream.emit("42", "first"))
                // the second event does not exist yet: receiving the first proves nothing is buffered
                .assertNext(event -> {
                    assertThat(event.id()).isEqualTo("42");
                    assertThat(event.data()).isEqualTo("first");
                })
                // a quiet spell longer than the response timeout of ordinary routes must not cut the stream
                .then(() -> Mono.delay(Duration.ofMillis(RESPONSE_TIMEOUT_MS + 1500))
                        .subscribe(tick -> upstream.emit("43", "second")))
                .assertNext(event -> assertThat(event.data()).isEqualTo("second"))
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        assertThat(upstream.lastEventId.get()).isEqualTo("41");
        await().atMost(Duration.ofSeconds(15)).untilTrue(upstream.upstreamClosed);
    }

    @Test
    void operatorEventsStreamThroughUnbuffered() {
        FakeUpstreams.SseScript upstream = FakeUpstreams.sse("/api/v1/events");
        Flux<ServerSentEvent<String>> events = WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.console("org-a")))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE);

        StepVerifier.create(events)
                .then(() -> upstream.emit("1", "handoff"))
                .assertNext(event -> assertThat(event.data()).isEqualTo("handoff"))
                .then(() -> upstream.emit("2", "claim"))
                .assertNext(event -> assertThat(event.data()).isEqualTo("claim"))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void ordinaryRoutesDoTimeOutWithAProblem() {
        client.get()
                .uri("/api/v1/analytics/slow")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.console("org-a")))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/upstream-timeout");
    }
}
