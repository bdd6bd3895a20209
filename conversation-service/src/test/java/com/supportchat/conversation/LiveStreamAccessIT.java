package com.supportchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.supportchat.conversation.support.IntegrationTest;
import com.supportchat.testsupport.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;

/**
 * The live-update streams check tokens ahead of the security filter chain (LiveStreamEndpoints): the same answers as
 * every other endpoint, for every way a caller can be refused, and the same response headers.
 */
class LiveStreamAccessIT extends IntegrationTest {

    @Test
    void withoutAValidTokenBothStreamsAnswer401() {
        String org = newOrg();
        String id = (String) startConversation(TestTokens.anonymousVisitor(org, newId()), "hello").get("id");

        http.get().uri("/widget/v1/conversations/{id}/events", id).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/unauthorized"));
        http.get().uri("/api/v1/events").headers(h -> h.setBearerAuth("not-a-token")).exchange()
            .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/events").headers(h -> h.setBearerAuth(TestTokens.expiredOperator(org))).exchange()
            .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/events").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz").exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenForTheOtherAudienceIs403() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "hello").get("id");

        http.get().uri("/widget/v1/conversations/{id}/events", id)
            .headers(h -> h.setBearerAuth(TestTokens.operator(org, "admin"))).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/forbidden"));
        http.get().uri("/api/v1/events").headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void malformedResumePointsAndIdsAre400AndWriteNothing() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "hello").get("id");

        for (String query : new String[] { "?afterSeq=-1", "?afterSeq=abc" }) {
            http.get().uri("/widget/v1/conversations/" + id + "/events" + query).headers(h -> h.setBearerAuth(visitor))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/validation"));
        }
        http.get().uri("/widget/v1/conversations/{id}/events", id)
            .headers(h -> {
                h.setBearerAuth(visitor);
                h.set("Last-Event-ID", "yesterday");
            })
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").isEqualTo("Last-Event-ID must be the seq number of the last event received");
        http.get().uri("/widget/v1/conversations/not-a-uuid/events").headers(h -> h.setBearerAuth(visitor)).exchange()
            .expectStatus().isBadRequest();
    }

    @Test
    void anOpenStreamCarriesTheUsualSecurityHeaders() {
        String org = newOrg();
        String visitor = TestTokens.anonymousVisitor(org, newId());
        String id = (String) startConversation(visitor, "hello").get("id");

        FluxExchangeResult<String> result = http.get().uri("/widget/v1/conversations/{id}/events", id)
            .headers(h -> h.setBearerAuth(visitor))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus().isOk()
            .returnResult(String.class);

        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getContentType()).isNotNull();
        assertThat(headers.getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-cache");
        // the thread is replayed first: the visitor's message
        assertThat(result.getResponseBody().filter(line -> line.contains("hello")).blockFirst(Duration.ofSeconds(20)))
            .isNotNull();
    }
}
