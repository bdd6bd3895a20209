package com.supportchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTTP API the services serve and docs/api/openapi.yaml agree: every operation a service maps under
 * {@code /api}, {@code /widget} or {@code /channels} is documented, and every documented operation is mapped by
 * a service. The services run as in the other end-to-end tests; each one's own request mappings are read from its
 * Actuator {@code mappings} endpoint (exposed only in this test's cluster).
 */
class ApiContractIT {

    /** Served ahead of the handler mappings (a web filter, for a lighter idle stream): documented, not in mappings. */
    private static final Set<String> SERVED_BY_FILTERS = Set.of("GET /api/v1/events",
            "GET /widget/v1/conversations/{}/events");
    private static final Pattern PREDICATE = Pattern.compile("\\(?(GET|POST|PUT|PATCH|DELETE) && (/[^)\\s]+)\\)?");

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void everyMappedOperationIsDocumentedAndEveryDocumentedOperationIsMapped() throws Exception {
        Set<String> mapped = new TreeSet<>();
        for (String service : List.of("identity-service", "conversation-service", "ai-responder-service",
                "handoff-service", "notification-service")) {
            mapped.addAll(mappedOperations(service));
        }
        Set<String> documented = documentedOperations();

        Set<String> undocumented = new TreeSet<>(mapped);
        undocumented.removeAll(documented);
        Set<String> unmapped = new TreeSet<>(documented);
        unmapped.removeAll(mapped);
        unmapped.removeAll(SERVED_BY_FILTERS);

        assertThat(mapped).as("operations read from the services").hasSizeGreaterThan(30);
        assertThat(undocumented).as("mapped by a service but not in docs/api/openapi.yaml").isEmpty();
        assertThat(unmapped).as("in docs/api/openapi.yaml but mapped by no service").isEmpty();
    }

    /** "METHOD /path" of each public operation a service maps, path variables written {}. */
    private static Set<String> mappedOperations(String service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + system.cluster.port(service) + "/actuator/mappings"))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s /actuator/mappings", service).isEqualTo(200);
        JsonNode root = JsonMapper.builder().build().readTree(response.body());
        Set<String> operations = new TreeSet<>();
        for (JsonNode context : root.path("contexts")) {
            for (JsonNode handlers : context.path("mappings").path("dispatcherHandlers")) {
                for (JsonNode mapping : handlers) {
                    JsonNode conditions = mapping.path("details").path("requestMappingConditions");
                    if (!conditions.isMissingNode()) {
                        for (JsonNode pattern : conditions.path("patterns")) {
                            for (JsonNode method : conditions.path("methods")) {
                                add(operations, method.asString(), pattern.asString());
                            }
                        }
                        continue;
                    }
                    Matcher m = PREDICATE.matcher(mapping.path("predicate").asString(""));
                    while (m.find()) {
                        add(operations, m.group(1), m.group(2));
                    }
                }
            }
        }
        return operations;
    }

    private static void add(Set<String> operations, String method, String path) {
        if (path.startsWith("/api/") || path.startsWith("/widget/") || path.startsWith("/channels/")) {
            operations.add(method.toUpperCase(Locale.ROOT) + " " + normalize(path));
        }
    }

    private static Set<String> documentedOperations() throws Exception {
        Path file = Stream.of(Path.of("../docs/api/openapi.yaml"), Path.of("docs/api/openapi.yaml"))
            .filter(Files::exists).findFirst().orElseThrow();
        Map<String, Object> doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Yaml().load(in);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
            .filter(k -> Set.of("get", "post", "put", "patch", "delete").contains(k))
            .forEach(method -> add(operations, method, path)));
        return operations;
    }

    /** Path variables by position, not name: {@code /a/{id}} and {@code /a/{conversationId}} are one path. */
    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }
}
