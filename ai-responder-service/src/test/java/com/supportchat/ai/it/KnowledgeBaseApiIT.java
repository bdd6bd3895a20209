package com.supportchat.ai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.supportchat.ai.knowledge.KnowledgeBase;
import com.supportchat.ai.settings.AiSettingsService;
import com.supportchat.resourceserver.secrets.SecretBox;
import com.supportchat.ai.knowledge.Passage;
import com.supportchat.ai.knowledge.SearchQuery;
import com.supportchat.ai.understanding.Language;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** {@code /api/v1/knowledge-base/articles} and {@code /api/v1/settings/ai}: roles, tenancy, problems, the index. */
class KnowledgeBaseApiIT extends IntegrationTest {

    private static final String ARTICLES = "/api/v1/knowledge-base/articles";

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    AiSettingsService aiSettings;

    @Autowired
    SecretBox secrets;

    @Test
    void anAdminWritesArticlesAgentsReadThemAndSearchFollowsEveryChange() {
        String org = newId("org");
        @SuppressWarnings("unchecked")
        Map<String, Object> created = as(org, "admin").post().uri(ARTICLES).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "Gift cards", "format", "html", "tags", List.of("payments"),
                    "content", "<h2>Buying</h2><p>Gift cards are sold in values from 10 to 500 EUR and never expire.</p>"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("format")).isEqualTo("html");
        assertThat(created.get("title")).isEqualTo("Gift cards");
        assertThat(created).containsKey("updatedAt");
        assertThat(search(org, "do gift cards expire")).first().satisfies(p -> assertThat(p.title()).isEqualTo("Gift cards"));
        assertThat(storedPassageVectors(id)).as("passage embeddings stored with the article").isEqualTo(1);

        as(org, "agent").get().uri(ARTICLES).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$[0].id").isEqualTo(id);
        as(org, "agent").get().uri(ARTICLES + "/" + id).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.tags[0]").isEqualTo("payments");

        as(org, "admin").put().uri(ARTICLES + "/" + id).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "Vouchers", "format", "text", "content", "Vouchers can be redeemed online only."))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.title").isEqualTo("Vouchers");
        // the index also follows article-changed events (every instance applies every change), so the update's
        // own event, read back, may re-put what it already holds: the search converges, at once or a moment later
        await().untilAsserted(() -> assertThat(search(org, "do gift cards expire")).isEmpty());
        assertThat(search(org, "redeem vouchers")).first().satisfies(p -> assertThat(p.title()).isEqualTo("Vouchers"));

        as(org, "admin").delete().uri(ARTICLES + "/" + id).exchange().expectStatus().isNoContent();
        as(org, "admin").get().uri(ARTICLES + "/" + id).exchange().expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/not-found");
        await().untilAsserted(() -> assertThat(search(org, "redeem vouchers")).isEmpty());
        assertThat(storedPassageVectors(id)).isZero();
    }

    @Test
    void anotherOrgsArticleIsNotFound() {
        String id = (String) as("org-a-" + newId("x"), "admin").post().uri(ARTICLES).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "Secret", "content", "internal"))
            .exchange().expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id");

        WebTestClientSupport.expectNotFound(as(newId("org-b"), "admin").get().uri(ARTICLES + "/" + id).exchange());
        WebTestClientSupport.expectNotFound(as(newId("org-b"), "admin").delete().uri(ARTICLES + "/" + id).exchange());
    }

    @Test
    void agentsCannotWriteAndStrangersCannotRead() {
        as(newId("org"), "agent").post().uri(ARTICLES).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "x", "content", "y"))
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden");
        anonymous().get().uri(ARTICLES).exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");
        as(newId("org"), "agent").get().uri("/api/v1/settings/ai").exchange().expectStatus().isForbidden();
    }

    @Test
    void invalidArticlesAreRejectedWithAProblemAndNothingIsWritten() {
        String org = newId("org");
        as(org, "admin").post().uri(ARTICLES).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", "", "content", "body", "format", "docx"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("title").contains("format"));
        as(org, "admin").get().uri(ARTICLES).exchange().expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void theApiKeyIsWriteOnly() {
        String org = newId("org");
        as(org, "admin").get().uri("/api/v1/settings/ai").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.responder").isEqualTo("builtin").jsonPath("$.enabled").isEqualTo(true);

        String body = as(org, "admin").put().uri("/api/v1/settings/ai").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("systemPrompt", "You are Acme's helpful assistant.", "model", "llama3.1", "temperature", 0.3,
                    "baseUrl", "http://localhost:11434/v1", "apiKey", "sk-org-secret-123", "enabled", true))
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("sk-org-secret-123").contains("\"apiKeyConfigured\":true")
            .contains("\"responder\":\"openai\"");

        as(org, "admin").put().uri("/api/v1/settings/ai").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("model", "llama3.1", "enabled", true))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.apiKeyConfigured").isEqualTo(true);
        as(org, "admin").put().uri("/api/v1/settings/ai").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("temperature", 5, "baseUrl", "ftp://x"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation");
    }

    @Test
    void theApiKeyIsStoredSealedAndAKeyStoredInPlaintextBeforeIsSealedAtStartUp() {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/ai").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("baseUrl", "http://localhost:11434/v1", "apiKey", "sk-org-secret-456", "enabled", true))
            .exchange()
            .expectStatus().isOk();

        assertThat(storedApiKey(org)).startsWith("enc:v1:").doesNotContain("sk-org-secret-456");
        assertThat(aiSettings.get(org).block(Duration.ofSeconds(5)).apiKey()).isEqualTo("sk-org-secret-456");

        // a key written before encryption existed: still read, then sealed by the start-up pass
        db.sql("UPDATE ai_settings SET api_key = 'sk-plain-789' WHERE org_id = :org").bind("org", org).then()
            .block(Duration.ofSeconds(5));
        assertThat(aiSettings.get(org).block(Duration.ofSeconds(5)).apiKey()).isEqualTo("sk-plain-789");
        assertThat(AiSettingsService.API_KEYS.rewrap(db, secrets).block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
        assertThat(storedApiKey(org)).startsWith("enc:v1:").doesNotContain("sk-plain-789");
        assertThat(aiSettings.get(org).block(Duration.ofSeconds(5)).apiKey()).isEqualTo("sk-plain-789");

        // a sealed key copied to another org's row does not open there
        String other = newId("org");
        db.sql("INSERT INTO ai_settings (org_id, api_key, enabled, updated_at) "
                + "SELECT :other, api_key, TRUE, now() FROM ai_settings WHERE org_id = :org")
            .bind("other", other).bind("org", org).then().block(Duration.ofSeconds(5));
        assertThatIllegalStateException()
            .isThrownBy(() -> aiSettings.get(other).block(Duration.ofSeconds(5)));
        db.sql("DELETE FROM ai_settings WHERE org_id = :other").bind("other", other).then().block(Duration.ofSeconds(5));
    }

    private String storedApiKey(String org) {
        return db.sql("SELECT api_key FROM ai_settings WHERE org_id = :org").bind("org", org)
            .map(row -> row.get("api_key", String.class)).one().block(Duration.ofSeconds(5));
    }

    private long storedPassageVectors(String articleId) {
        return db.sql("SELECT count(*) AS n FROM article_chunk WHERE article_id = CAST(:id AS uuid) AND length(embedding) = 1536")
            .bind("id", articleId)
            .map(row -> row.get("n", Long.class))
            .one()
            .block(Duration.ofSeconds(5));
    }

    /** The passages that contain most of the query's words (the words part of the search; meaning is not needed here). */
    private List<Passage> search(String org, String query) {
        return knowledgeBase.search(org, new SearchQuery(query, Language.EN, null), 3).block(Duration.ofSeconds(5)).stream()
            .filter(p -> p.lexicalRank() >= 0 && p.coverage() >= 0.5)
            .toList();
    }
}
