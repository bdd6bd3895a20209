package com.supportchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The product's main path through the public entry point, with every part real: a visitor's message
 * travels widget -> gateway -> conversation-service -> outbox -> Kafka -> AI responder -> Kafka -> back
 * into the thread and out on the visitor's and the operators' event streams; asking for a person goes
 * through trigger detection, the handoff policy and the notifications.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static GreenMail mail;
    private static MockWebServer sms;
    private static WebClient gateway;
    private static String widgetToken;
    private static String apiKey;
    private static String operatorToken;

    @BeforeAll
    static void startTheSystem() throws Exception {
        RunningSystem system = RunningSystem.get();
        mail = system.mail;
        sms = system.sms;
        widgetToken = system.widgetToken;
        apiKey = system.apiKey;
        gateway = WebClient.builder().baseUrl(system.cluster.gateway()).build();
        operatorToken = (String) gateway.post().uri("/api/v1/auth/login")
            .bodyValue(Map.of("email", RunningSystem.OPERATOR_EMAIL, "password", RunningSystem.OPERATOR_PASSWORD))
            .retrieve().bodyToMono(JSON).block(WAIT).get("accessToken");
        gateway.post().uri("/api/v1/knowledge-base/articles").headers(h -> h.setBearerAuth(operatorToken))
            .bodyValue(Map.of("title", "Opening hours", "format", "markdown", "content", """
                    # Opening hours
                    Our support team and showroom are open Monday to Friday from 9:00 to 17:00 (CET).
                    On Saturdays we are open from 10:00 to 14:00. We are closed on Sundays and public holidays.
                    """))
            .retrieve().toBodilessEntity().block(WAIT);
        gateway.put().uri("/api/v1/settings/notifications").headers(h -> h.setBearerAuth(operatorToken))
            .bodyValue(Map.of("emailRecipients", List.of("support@acme.test"), "smsNumbers", List.of("+14155550123")))
            .retrieve().toBodilessEntity().block(WAIT);
    }

    @Test
    @Order(1)
    void visitorQuestionIsAnsweredLiveAndARetriedPostIsNotASecondMessage() {
        String visitor = anonymousSession();
        Map<String, Object> conversation = post(visitor, "/widget/v1/conversations",
                Map.of("clientMessageId", id(), "text", "What are your opening hours?"));
        String conversationId = (String) conversation.get("id");

        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable stream = stream(visitor, "/widget/v1/conversations/" + conversationId + "/events", events);
        List<ServerSentEvent<Map<String, Object>>> operatorEvents = new CopyOnWriteArrayList<>();
        Disposable console = stream(operatorToken, "/api/v1/events", operatorEvents);
        try {
            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> isAuthor(e, "AI")));
            ServerSentEvent<Map<String, Object>> answer = events.stream().filter(e -> isAuthor(e, "AI")).findFirst().orElseThrow();
            assertThat(events.get(0).id()).isEqualTo("1");
            assertThat(events.get(0).data()).containsEntry("text", "What are your opening hours?");
            assertThat(answer.id()).isEqualTo("2");
            assertThat((String) answer.data().get("text")).contains("Monday to Friday");

            String clientMessageId = id();
            Map<String, Object> first = post(visitor, "/widget/v1/conversations/" + conversationId + "/messages",
                    Map.of("clientMessageId", clientMessageId, "text", "And on Saturdays?"));
            Map<String, Object> retried = post(visitor, "/widget/v1/conversations/" + conversationId + "/messages",
                    Map.of("clientMessageId", clientMessageId, "text", "And on Saturdays?"));
            assertThat(retried.get("id")).isEqualTo(first.get("id"));
            await().atMost(WAIT).until(() -> events.stream().filter(e -> isAuthor(e, "AI")).count() >= 2);
            assertThat(events).filteredOn(e -> "And on Saturdays?".equals(e.data().get("text"))).hasSize(1);
            await().atMost(WAIT).until(() -> operatorEvents.stream()
                .anyMatch(e -> "And on Saturdays?".equals(e.data().get("text"))));
        }
        finally {
            stream.dispose();
            console.dispose();
        }
    }

    @Test
    @Order(2)
    void askingForAPersonHandsOffNotifiesTheTeamAndTheOperatorAnswersAsSupportAgent() throws Exception {
        String visitor = anonymousSession();
        String conversationId = (String) post(visitor, "/widget/v1/conversations",
                Map.of("clientMessageId", id(), "text", "Hi there")).get("id");
        List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable stream = stream(visitor, "/widget/v1/conversations/" + conversationId + "/events", events);
        try {
            post(visitor, "/widget/v1/conversations/" + conversationId + "/messages",
                    Map.of("clientMessageId", id(), "text", "I want to talk to a human"));
            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> "handoff".equals(e.event())));
            ServerSentEvent<Map<String, Object>> handoff = events.stream().filter(e -> "handoff".equals(e.event()))
                .findFirst().orElseThrow();
            assertThat(handoff.data()).containsEntry("trigger", "HUMAN_REQUEST").containsEntry("status", "ESCALATED");
            assertThat((String) handoff.data().get("summary")).isNotBlank();
            assertThat((String) handoff.data().get("text")).startsWith("Connecting you with a team member");

            await().atMost(WAIT).until(() -> mail.getReceivedMessages().length >= 1);
            MimeMessage email = mail.getReceivedMessages()[0];
            assertThat(email.getAllRecipients()[0].toString()).isEqualTo("support@acme.test");
            RecordedRequest text = sms.takeRequest(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(text).isNotNull();
            assertThat(text.getTarget()).contains("/Messages.json");

            post(operatorToken, "/api/v1/conversations/" + conversationId + "/claim", Map.of());
            post(operatorToken, "/api/v1/conversations/" + conversationId + "/messages",
                    Map.of("clientMessageId", id(), "text", "Hi, Ada here. How can I help?"));
            await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(e -> "Hi, Ada here. How can I help?".equals(e.data().get("text"))));
            ServerSentEvent<Map<String, Object>> reply = events.stream()
                .filter(e -> "Hi, Ada here. How can I help?".equals(e.data().get("text"))).findFirst().orElseThrow();
            assertThat(reply.data().get("author")).isEqualTo(Map.of("type", "OPERATOR", "displayName", "Support Agent"));

            post(operatorToken, "/api/v1/conversations/" + conversationId + "/resolve", Map.of());
            await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(e -> "status".equals(e.event()) && "RESOLVED".equals(e.data().get("status"))));
        }
        finally {
            stream.dispose();
        }
        int handedOffAt = events.indexOf(events.stream().filter(e -> "handoff".equals(e.event())).findFirst().orElseThrow());
        assertThat(events.subList(handedOffAt, events.size()).stream().filter(e -> isAuthor(e, "AI")))
            .as("the AI stays silent once the conversation is escalated").isEmpty();
        WebClientResponseException closed = org.junit.jupiter.api.Assertions.assertThrows(WebClientResponseException.class,
                () -> post(visitor, "/widget/v1/conversations/" + conversationId + "/messages",
                        Map.of("clientMessageId", id(), "text", "one more thing")));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @Order(3)
    void verifiedContactSeesTheSameHistoryOnEveryDevice() {
        Map<String, Object> contact = gateway.post().uri("/widget/authenticate-user")
            .headers(h -> h.setBearerAuth(apiKey))
            .bodyValue(Map.of("userId", "user-42", "email", "kim@example.com", "name", "Kim"))
            .retrieve().bodyToMono(JSON).block(WAIT);
        String contactToken = (String) contact.get("token");
        String laptop = session(Map.of("widgetToken", widgetToken, "userToken", contactToken));
        String phone = session(Map.of("widgetToken", widgetToken, "userToken", contactToken));
        String anonymous = anonymousSession();
        String conversationId = (String) post(laptop, "/widget/v1/conversations",
                Map.of("clientMessageId", id(), "text", "Where is my order?")).get("id");

        assertThat(get(phone, "/widget/v1/conversations")).extracting(c -> c.get("id")).contains(conversationId);
        assertThat(get(anonymous, "/widget/v1/conversations")).isEmpty();
    }

    private static boolean isAuthor(ServerSentEvent<Map<String, Object>> event, String type) {
        return "message".equals(event.event()) && event.data() != null
                && event.data().get("author") instanceof Map<?, ?> author && type.equals(author.get("type"));
    }

    private static String anonymousSession() {
        return session(Map.of("widgetToken", widgetToken,
                "metadata", Map.of("browser", "Chromium", "timezone", "Europe/Berlin", "referrer", RunningSystem.ORIGIN)));
    }

    private static String session(Map<String, Object> body) {
        return (String) gateway.post().uri("/widget/v1/session").header("Origin", RunningSystem.ORIGIN)
            .bodyValue(body).retrieve().bodyToMono(JSON).block(WAIT).get("accessToken");
    }

    private static Map<String, Object> post(String token, String path, Map<String, Object> body) {
        return gateway.post().uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (path.startsWith("/widget/")) {
                h.setOrigin(RunningSystem.ORIGIN);
            }
        }).bodyValue(body).retrieve().bodyToMono(JSON).block(WAIT);
    }

    private static List<Map<String, Object>> get(String token, String path) {
        return gateway.get().uri(path).headers(h -> h.setBearerAuth(token)).header("Origin", RunningSystem.ORIGIN)
            .retrieve().bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
            }).block(WAIT);
    }

    private static Disposable stream(String token, String path, List<ServerSentEvent<Map<String, Object>>> into) {
        return gateway.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).headers(h -> {
            h.setBearerAuth(token);
            if (path.startsWith("/widget/")) {
                h.setOrigin(RunningSystem.ORIGIN);
            }
        }).retrieve().bodyToFlux(SSE).filter(e -> e.event() != null).subscribe(into::add);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
