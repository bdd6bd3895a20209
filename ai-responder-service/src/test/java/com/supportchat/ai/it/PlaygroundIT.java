package com.supportchat.ai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/v1/ai/playground}: what the assistant would do with a message, read and answered on the real
 * code path with the org's settings and knowledge base, and nothing stored or published.
 */
class PlaygroundIT extends IntegrationTest {

    private static final String PLAYGROUND = "/api/v1/ai/playground";

    private String org;

    @BeforeEach
    void anOrgWithOneArticle() {
        org = newId("org");
        as(org, "admin").post().uri("/api/v1/knowledge-base/articles").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "Resetting your password", "format", "markdown", "content", """
                    # Resetting your password

                    Go to **acme.example/login** and click **Forgot password?**, enter the email address of your
                    account and click **Send reset link**. The link is valid for 60 minutes and works only once.
                    """))
            .exchange()
            .expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec tryOut(String role, Object body) {
        return as(org, role).post().uri(PLAYGROUND).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aRequestForAPersonWouldBeHandedOffWithoutAReply() {
        long outboxBefore = outboxRows();
        tryOut("agent", Map.of("text", "could you hook me up with a real person"))
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.language").isEqualTo("en")
            .jsonPath("$.signals[0]").isEqualTo("HUMAN_REQUEST")
            .jsonPath("$.handoff.wouldHandOff").isEqualTo(true)
            .jsonPath("$.handoff.trigger").isEqualTo("HUMAN_REQUEST")
            .jsonPath("$.handoff.reason").value(containsString("asked for a human"))
            .jsonPath("$.reply").doesNotExist();
        assertThat(outboxRows()).as("nothing published").isEqualTo(outboxBefore);
    }

    @Test
    void aQuestionIsAnsweredFromTheKnowledgeBaseWithItsSourceAndConfidence() {
        tryOut("admin", Map.of("text", "Wie setze ich mein Passwort zurück?"))
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.language").isEqualTo("de")
            .jsonPath("$.signals.length()").isEqualTo(0)
            .jsonPath("$.handoff.wouldHandOff").isEqualTo(false)
            .jsonPath("$.reply.text").value(containsString("Aus unserem Artikel \"Resetting your password\""))
            .jsonPath("$.reply.sources[0].title").isEqualTo("Resetting your password")
            .jsonPath("$.reply.confidence").value(greaterThan(0.5));
    }

    @Test
    void theConversationSoFarCounts() {
        tryOut("agent", Map.of("text", "perfect, that did it, thanks!", "history", List.of(
                Map.of("author", "VISITOR", "text", "How do I reset my password?"),
                Map.of("author", "AI", "text", "Go to acme.example/login and click Forgot password?"))))
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.signals[0]").isEqualTo("RESOLUTION")
            .jsonPath("$.handoff.wouldHandOff").isEqualTo(false)
            .jsonPath("$.reply.text").value(containsString("glad that helped"));
    }

    @Test
    void aGreetingGetsAFriendlyAnswerNamingWhatTheKnowledgeBaseCovers() {
        tryOut("agent", Map.of("text", "Hello, what can you help me with?"))
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.signals.length()").isEqualTo(0)
            .jsonPath("$.handoff.wouldHandOff").isEqualTo(false)
            .jsonPath("$.reply.text").value(containsString("resetting your password"));
    }

    @Test
    void badInputIsA400ProblemAndNotRead() {
        List<Map<String, String>> tooLong = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooLong.add(Map.of("author", "VISITOR", "text", "hello " + i));
        }
        for (Object body : List.of(Map.of("text", ""), Map.of("text", "x".repeat(4001)),
                Map.of("text", "hi", "history", tooLong),
                Map.of("text", "hi", "history", List.of(Map.of("author", "BOT", "text", "beep"))))) {
            tryOut("admin", body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation");
        }
    }

    @Test
    void onlyTheOrgsOperatorsMayUseIt() {
        anonymous().post().uri(PLAYGROUND).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "hi"))
            .exchange()
            .expectStatus().isUnauthorized();
    }

    private long outboxRows() {
        return db.sql("SELECT count(*) AS n FROM outbox").map(row -> row.get("n", Long.class)).one()
            .block(Duration.ofSeconds(5));
    }
}
