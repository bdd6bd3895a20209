package com.supportchat.conversation.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

import com.supportchat.testsupport.ServiceInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One Spring context for every integration test of this service: the real service on a random port,
 * its own fresh PostgreSQL database and the JVM's real Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "supportchat.messaging.consumer-backoff=50ms", "supportchat.stream.heartbeat=2s" })
@Import(TestJwtDecoder.class)
public abstract class IntegrationTest {

    protected static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {
            };

    @LocalServerPort
    protected int port;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    protected WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceInfrastructure.register(registry, "conversation-service");
    }

    /** Listeners must own their partitions before a test publishes, or a live stream could miss an event. */
    @BeforeEach
    void waitForListeners() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
            .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
    }

    protected static String newOrg() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> startConversation(String token, String text) {
        return http.post().uri("/widget/v1/conversations")
            .headers(h -> h.setBearerAuth(token))
            .bodyValue(Map.of("clientMessageId", newId(), "text", text))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> postMessage(String token, String conversationId, String clientMessageId, String text) {
        return http.post().uri("/widget/v1/conversations/{id}/messages", conversationId)
            .headers(h -> h.setBearerAuth(token))
            .bodyValue(Map.of("clientMessageId", clientMessageId, "text", text))
            .exchange()
            .expectStatus().isAccepted()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> messages(String token, String conversationId) {
        return http.get().uri("/widget/v1/conversations/{id}/messages", conversationId)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus().isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    }

    /** A real SSE connection; the caller takes what it needs and cancels. */
    protected Flux<ServerSentEvent<Map<String, Object>>> stream(int port, String path, String token, String lastEventId) {
        return WebClient.create("http://127.0.0.1:" + port)
            .get()
            .uri(path)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .headers(h -> {
                h.setBearerAuth(token);
                if (lastEventId != null) {
                    h.set("Last-Event-ID", lastEventId);
                }
            })
            .retrieve()
            .bodyToFlux(SSE)
            .filter(event -> event.event() != null);
    }
}
