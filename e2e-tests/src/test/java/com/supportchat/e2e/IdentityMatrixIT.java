package com.supportchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Who sees which history, through the gateway with real tokens from identity-service: every caller
 * against every conversation, for listing, reading, posting and streaming. A conversation a caller may
 * not see answers 404 everywhere, exactly as one that does not exist.
 */
class IdentityMatrixIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private static RunningSystem system;
    private static WebClient gateway;

    @BeforeAll
    static void system() throws Exception {
        system = RunningSystem.get();
        gateway = WebClient.builder().baseUrl(system.cluster.gateway()).build();
    }

    @Test
    void everyCallerSeesExactlyTheHistoryItOwns() {
        // org 1 callers
        Map<String, Object> anonymousSession = session(system.widgetToken, Map.of());
        String anonymous = token(anonymousSession);
        String returningAnonymous = token(session(system.widgetToken,
                Map.of("visitorToken", anonymousSession.get("visitorToken"))));
        String nonVerifiedX = token(session(system.widgetToken, Map.of("user", Map.of("name", "Xena", "email", "x@example.com"))));
        String otherBrowserTypingX = token(session(system.widgetToken, Map.of("user", Map.of("email", "x@example.com"))));
        String contactX = contactToken(system.apiKey, "user-x", "x@example.com");
        String verifiedX = token(session(system.widgetToken, Map.of("userToken", contactX)));
        String verifiedXOtherDevice = token(session(system.widgetToken, Map.of("userToken", contactX)));
        // the customer's backend binds the account scope into the contact token; the page repeats it
        String contactXWorkspaceA = contactToken(system.apiKey, Map.of("userId", "user-x", "email", "x@example.com",
                "externalId", "ws-a"));
        String contactXWorkspaceB = contactToken(system.apiKey, Map.of("userId", "user-x", "email", "x@example.com",
                "externalId", "ws-b"));
        String verifiedXWorkspaceA = token(session(system.widgetToken, Map.of("userToken", contactXWorkspaceA, "externalId", "ws-a")));
        String verifiedXWorkspaceB = token(session(system.widgetToken, Map.of("userToken", contactXWorkspaceB, "externalId", "ws-b")));
        // org 2
        Map<String, Object> org2 = createOrg("globex-e2e-" + UUID.randomUUID().toString().substring(0, 6));
        String otherOrgVisitor = token(session((String) org2.get("widgetToken"), Map.of()));
        String operator1 = login(RunningSystem.OPERATOR_EMAIL, RunningSystem.OPERATOR_PASSWORD);
        String operator2 = login((String) org2.get("operatorEmail"), "another good password");

        String anonymousConversation = start(anonymous, "anonymous question");
        String nonVerifiedConversation = start(nonVerifiedX, "non-verified question");
        String verifiedConversation = start(verifiedX, "verified question");
        String workspaceAConversation = start(verifiedXWorkspaceA, "workspace A question");

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous);
        callers.put("returning anonymous", returningAnonymous);
        callers.put("non_verified X", nonVerifiedX);
        callers.put("another browser typing X", otherBrowserTypingX);
        callers.put("verified X", verifiedX);
        callers.put("verified X, other device", verifiedXOtherDevice);
        callers.put("verified X, externalId A", verifiedXWorkspaceA);
        callers.put("verified X, externalId B", verifiedXWorkspaceB);
        callers.put("other org's visitor", otherOrgVisitor);

        Map<String, List<String>> visible = Map.of(
                "anonymous", List.of(anonymousConversation),
                "returning anonymous", List.of(anonymousConversation),
                "non_verified X", List.of(nonVerifiedConversation),
                "another browser typing X", List.of(),
                "verified X", List.of(verifiedConversation),
                "verified X, other device", List.of(verifiedConversation),
                "verified X, externalId A", List.of(workspaceAConversation),
                "verified X, externalId B", List.of(),
                "other org's visitor", List.of());
        List<String> conversations = List.of(anonymousConversation, nonVerifiedConversation, verifiedConversation,
                workspaceAConversation);

        List<String> wrong = new ArrayList<>();
        callers.forEach((caller, token) -> {
            List<String> listed = list(token);
            for (String conversation : conversations) {
                boolean expected = visible.get(caller).contains(conversation);
                int expectedStatus = expected ? 200 : 404;
                check(wrong, caller, conversation, "list", expected, listed.contains(conversation));
                check(wrong, caller, conversation, "read", expectedStatus,
                        status(gateway.get().uri("/widget/v1/conversations/{id}/messages", conversation), token));
                check(wrong, caller, conversation, "post", expected ? 202 : 404,
                        status(gateway.post().uri("/widget/v1/conversations/{id}/messages", conversation)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "hello from " + caller)),
                                token));
                check(wrong, caller, conversation, "stream", expectedStatus, streamStatus(conversation, token));
            }
        });
        // operators: their own org's conversations, nothing of another org's
        for (String conversation : conversations) {
            check(wrong, "operator of org 1", conversation, "read", 200,
                    status(gateway.get().uri("/api/v1/conversations/{id}", conversation), operator1));
            check(wrong, "operator of org 2", conversation, "read", 404,
                    status(gateway.get().uri("/api/v1/conversations/{id}", conversation), operator2));
            check(wrong, "operator of org 2", conversation, "post", 404,
                    status(gateway.post().uri("/api/v1/conversations/{id}/messages", conversation)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "hi")), operator2));
        }
        check(wrong, "visitor", "-", "operator inbox", 401,
                status(gateway.get().uri("/api/v1/conversations"), anonymous));
        check(wrong, "operator", "-", "widget list", 401,
                status(gateway.get().uri("/widget/v1/conversations"), operator1));
        assertThat(wrong).as("cells that differ from the expected outcome").isEmpty();
    }

    private static void check(List<String> wrong, String caller, String conversation, String action, Object expected,
            Object actual) {
        if (!expected.equals(actual)) {
            wrong.add(caller + " / " + conversation + " / " + action + ": expected " + expected + " but was " + actual);
        }
    }

    private static int status(WebClient.RequestHeadersSpec<?> request, String token) {
        return request.headers(h -> {
            h.setBearerAuth(token);
            h.setOrigin(RunningSystem.ORIGIN);
        }).exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
            .timeout(WAIT)
            .block();
    }

    /** An event stream never ends: read its status and first chunk, then hang up. */
    private static int streamStatus(String conversation, String token) {
        return gateway.get().uri("/widget/v1/conversations/{id}/events", conversation).accept(MediaType.TEXT_EVENT_STREAM)
            .headers(h -> {
                h.setBearerAuth(token);
                h.setOrigin(RunningSystem.ORIGIN);
            })
            .exchangeToFlux(response -> response.bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class)
                .take(1)
                .map(chunk -> {
                    org.springframework.core.io.buffer.DataBufferUtils.release(chunk);
                    return response.statusCode().value();
                })
                .defaultIfEmpty(response.statusCode().value()))
            .next()
            .timeout(WAIT)
            .block();
    }

    private static Map<String, Object> session(String widgetToken, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("widgetToken", widgetToken);
        return gateway.post().uri("/widget/v1/session").headers(h -> h.setOrigin(RunningSystem.ORIGIN)).bodyValue(body)
            .retrieve().bodyToMono(JSON).block(WAIT);
    }

    private static String token(Map<String, Object> session) {
        return (String) session.get("accessToken");
    }

    private static String contactToken(String apiKey, String userId, String email) {
        return contactToken(apiKey, Map.of("userId", userId, "email", email));
    }

    private static String contactToken(String apiKey, Map<String, Object> user) {
        return (String) gateway.post().uri("/widget/authenticate-user").headers(h -> h.setBearerAuth(apiKey))
            .bodyValue(user).retrieve().bodyToMono(JSON).block(WAIT).get("token");
    }

    private static Map<String, Object> createOrg(String slug) {
        return WebClient.create(system.cluster.identity()).post().uri("/internal/v1/orgs")
            .header("X-Internal-Token", ServiceCluster.INTERNAL_TOKEN)
            .bodyValue(Map.of("name", "Globex", "slug", slug, "allowedOrigins", List.of(RunningSystem.ORIGIN),
                    "admin", Map.of("email", slug + "@globex.test", "password", "another good password", "name", "Gus")))
            .retrieve().bodyToMono(JSON).block(WAIT);
    }

    private static String login(String email, String password) {
        return (String) gateway.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", password))
            .retrieve().bodyToMono(JSON).block(WAIT).get("accessToken");
    }

    private static String start(String token, String text) {
        return (String) gateway.post().uri("/widget/v1/conversations").headers(h -> {
            h.setBearerAuth(token);
            h.setOrigin(RunningSystem.ORIGIN);
        }).bodyValue(Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text))
            .retrieve().bodyToMono(JSON).block(WAIT).get("id");
    }

    private static List<String> list(String token) {
        return gateway.get().uri("/widget/v1/conversations").headers(h -> {
            h.setBearerAuth(token);
            h.setOrigin(RunningSystem.ORIGIN);
        }).retrieve().bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
        }).map(all -> all.stream().map(c -> (String) c.get("id")).toList()).block(WAIT);
    }

}
