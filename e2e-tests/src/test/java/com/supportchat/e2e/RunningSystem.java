package com.supportchat.e2e;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The whole system, started once per test JVM and shared by every end-to-end test class: the six
 * services, a real SMTP server (GreenMail), a fake Twilio-compatible SMS provider, and a seeded demo org
 * with an operator and a knowledge base. Stopped when the JVM exits.
 */
final class RunningSystem {

    static final String ORIGIN = "https://shop.acme.test";
    static final String OPERATOR_EMAIL = "ada@acme.test";
    static final String OPERATOR_PASSWORD = "correct horse battery";

    private static RunningSystem instance;

    final ServiceCluster cluster;
    final GreenMail mail;
    final MockWebServer sms;
    final String widgetToken;
    final String apiKey;

    private RunningSystem() throws Exception {
        mail = new GreenMail(new ServerSetup(ServiceCluster.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        sms = new MockWebServer();
        for (int i = 0; i < 200; i++) {
            sms.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body("{\"sid\":\"SM" + i + "\",\"status\":\"queued\"}").build());
        }
        sms.start();
        cluster = new ServiceCluster();
        cluster.start(mail.getSmtp().getPort(), "http://127.0.0.1:" + sms.getPort());
        Map<String, Object> org = WebClient.create(cluster.identity()).post().uri("/internal/v1/orgs")
            .header("X-Internal-Token", ServiceCluster.INTERNAL_TOKEN)
            .bodyValue(Map.of("name", "Acme Outfitters", "slug", "acme-e2e",
                    "allowedOrigins", List.of(ORIGIN, cluster.gateway()),
                    "admin", Map.of("email", OPERATOR_EMAIL, "password", OPERATOR_PASSWORD, "name", "Ada")))
            .retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
            }).block(java.time.Duration.ofSeconds(30));
        widgetToken = (String) org.get("widgetToken");
        apiKey = (String) org.get("apiKey");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-running-system"));
    }

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    private void stop() {
        cluster.close();
        mail.stop();
        try {
            sms.close();
        }
        catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
