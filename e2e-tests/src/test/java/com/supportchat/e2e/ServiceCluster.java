package com.supportchat.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.supportchat.testsupport.KafkaTestBroker;
import com.supportchat.testsupport.PostgresTestDatabase;

/**
 * The whole system as separate processes, started from the jars the build produced, the way
 * {@code deploy/local/up} runs it: each service with its own fresh database, all on the real broker,
 * on free ports so a local run on the default ports does not get in the way.
 */
final class ServiceCluster implements AutoCloseable {

    static final String INTERNAL_TOKEN = "e2e-internal-token";

    private final Path root = Path.of(System.getProperty("supportchat.root", ".."));
    private final String version = System.getProperty("supportchat.version", "0.1.0-SNAPSHOT");
    private final Path logs = Path.of("target", "e2e-logs");
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Keeps this cluster's state in shared servers (the gateway's buckets in Redis) apart from other runs. */
    private final String clusterId = java.util.UUID.randomUUID().toString();

    ServiceCluster() {
        for (String service : List.of("gateway-service", "identity-service", "conversation-service",
                "ai-responder-service", "handoff-service", "notification-service")) {
            ports.put(service, freePort());
        }
    }

    int port(String service) {
        return ports.get(service);
    }

    String gateway() {
        return "http://127.0.0.1:" + port("gateway-service");
    }

    String identity() {
        return "http://127.0.0.1:" + port("identity-service");
    }

    /** Starts everything and waits until every service reports ready. */
    void start(int smtpPort, String smsBaseUrl) {
        String kafka = KafkaTestBroker.bootstrapServers();
        String jwks = identity() + "/.well-known/jwks.json";
        try {
            Files.createDirectories(logs);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (String service : ports.keySet()) {
            Map<String, String> env = new HashMap<>();
            env.put("PORT", String.valueOf(port(service)));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("IDENTITY_JWKS_URI", jwks);
            env.put("INTERNAL_API_TOKEN", INTERNAL_TOKEN);
            // the console is served over plain http here: a Secure refresh cookie would not come back
            env.put("CONSOLE_REFRESH_COOKIE_SECURE", "false");
            env.put("SECRETS_MASTER_KEYS", com.supportchat.testsupport.ServiceInfrastructure.MASTER_KEYS);
            if (!service.equals("gateway-service")) {
                PostgresTestDatabase db = PostgresTestDatabase.forService("e2e_" + service.replace("-service", "").replace('-', '_'));
                env.put("DB_R2DBC_URL", db.r2dbcUrl());
                env.put("DB_JDBC_URL", db.jdbcUrl());
                env.put("DB_USER", db.user());
                env.put("DB_PASSWORD", db.password());
                // five services share one PostgreSQL (100 connections by default) with the other tests
                env.put("DB_POOL_MAX", "5");
            }
            env.put("IDENTITY_URI", identity());
            env.put("CONVERSATION_URI", "http://127.0.0.1:" + port("conversation-service"));
            env.put("AI_URI", "http://127.0.0.1:" + port("ai-responder-service"));
            env.put("HANDOFF_URI", "http://127.0.0.1:" + port("handoff-service"));
            env.put("NOTIFICATION_URI", "http://127.0.0.1:" + port("notification-service"));
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(smtpPort));
            env.put("SMS_BASE_URL", smsBaseUrl);
            env.put("CONSOLE_BASE_URL", gateway());
            env.put("HANDOFF_SCAN_INTERVAL", "5s");
            // ApiContractIT compares what each service maps with docs/api/openapi.yaml (never exposed by the local run)
            env.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,mappings");
            env.put("RENOTIFY_SCAN_INTERVAL", "5s");
            // the gateway's rate limits live in the machine's Redis: this cluster's buckets are its own
            env.put("GATEWAY_RATE_LIMIT_KEY_PREFIX", "supportchat-e2e:" + clusterId + ":");
            processes.add(launch(service, env));
        }
        for (String service : ports.keySet()) {
            String health = "http://127.0.0.1:" + port(service)
                    + (service.equals("gateway-service") ? "/actuator/health" : "/actuator/health/readiness");
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .alias(service + " ready (log: " + logs.resolve(service + ".log").toAbsolutePath() + ")")
                .until(() -> {
                    assertAlive(service);
                    return isUp(health);
                });
        }
    }

    private Process launch(String service, Map<String, String> env) {
        Path jar = root.resolve(service).resolve("target").resolve(service + "-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("missing " + jar + ": package the services before the end-to-end tests");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xss512k", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(service + ".log").toFile());
        builder.environment().putAll(env);
        try {
            return builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + service, ex);
        }
    }

    private void assertAlive(String service) {
        int index = new ArrayList<>(ports.keySet()).indexOf(service);
        Process process = processes.get(index);
        if (!process.isAlive()) {
            throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see "
                    + logs.resolve(service + ".log").toAbsolutePath());
        }
    }

    private boolean isUp(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
