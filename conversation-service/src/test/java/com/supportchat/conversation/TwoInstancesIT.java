package com.supportchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import com.supportchat.conversation.support.IntegrationTest;
import com.supportchat.conversation.support.TestJwtDecoder;
import com.supportchat.testsupport.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two conversation-service instances on one database and one broker: a client streaming from one sees
 * everything caused through the other, because each instance consumes the fan-out topics in its own group.
 */
class TwoInstancesIT extends IntegrationTest {

    private static ConfigurableApplicationContext second;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aClientOnOneInstanceSeesEverythingCausedThroughTheOther(@Autowired Environment first) {
        int secondPort = startSecondInstance(first);
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String operator = TestTokens.operator(org, "op-1", "Jane", "agent");
        String id = (String) startConversation(visitor, "hello from instance one").get("id");

        List<ServerSentEvent<Map<String, Object>>> widgetOnSecond = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> operatorOnSecond = new CopyOnWriteArrayList<>();
        Disposable widget = stream(secondPort, "/widget/v1/conversations/" + id + "/events", visitor, "1")
            .subscribe(widgetOnSecond::add);
        Disposable console = stream(secondPort, "/api/v1/events", operator, null).subscribe(operatorOnSecond::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(second) >= 2);
            // caused through the first instance (this test's context)
            postMessage(visitor, id, newId(), "second message, via instance one");
            http.post().uri("/api/v1/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(operator))
                .bodyValue(Map.of("clientMessageId", newId(), "text", "operator reply, via instance one"))
                .exchange().expectStatus().isAccepted();
            await().atMost(Duration.ofSeconds(30)).until(() -> widgetOnSecond.stream()
                .anyMatch(e -> "operator reply, via instance one".equals(e.data().get("text"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> operatorOnSecond.stream()
                .anyMatch(e -> "operator reply, via instance one".equals(e.data().get("text"))));
        }
        finally {
            widget.dispose();
            console.dispose();
        }
        assertThat(widgetOnSecond).extracting(e -> e.data().get("text")).containsExactly(
                "second message, via instance one", "Support Agent joined the conversation",
                "operator reply, via instance one");
        assertThat(widgetOnSecond).extracting(ServerSentEvent::id).containsExactly("2", "3", "4");
    }

    private static int startSecondInstance(Environment first) {
        second = new SpringApplicationBuilder(ConversationApplication.class, TestJwtDecoder.class)
            .run("--server.port=0",
                    "--spring.r2dbc.url=" + first.getProperty("spring.r2dbc.url"),
                    "--spring.r2dbc.username=" + first.getProperty("spring.r2dbc.username"),
                    "--spring.r2dbc.password=" + first.getProperty("spring.r2dbc.password", ""),
                    "--spring.flyway.url=" + first.getProperty("spring.flyway.url"),
                    "--spring.flyway.user=" + first.getProperty("spring.flyway.user"),
                    "--spring.flyway.password=" + first.getProperty("spring.flyway.password", ""),
                    "--spring.kafka.bootstrap-servers=" + first.getProperty("spring.kafka.bootstrap-servers"),
                    "--supportchat.messaging.consumer-backoff=50ms");
        KafkaListenerEndpointRegistry registry = second.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.getListenerContainers().stream()
            .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    private static double subscribers(ConfigurableApplicationContext context) {
        return context.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("supportchat.sse.subscribers").gauge().value();
    }
}
