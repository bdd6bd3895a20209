package com.supportchat.ai.responder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.supportchat.ai.knowledge.Article;
import com.supportchat.ai.knowledge.ArticleFormat;
import com.supportchat.ai.knowledge.KnowledgeIndex;

/** The five demo articles (Acme Outfitters) indexed for one org, as an object mother for responder tests. */
final class DemoKnowledgeBase {

    static final String ORG = "org-demo";
    static final List<String> FILES = List.of("01-opening-hours.md", "02-pricing-plans.md", "03-password-reset.md",
            "04-shipping-and-order-tracking.md", "05-refunds-and-returns.md");

    private DemoKnowledgeBase() {
    }

    static KnowledgeIndex index() {
        KnowledgeIndex index = new KnowledgeIndex();
        for (String file : FILES) {
            index.put(article(file)).block();
        }
        return index;
    }

    static Article article(String file) {
        try (InputStream in = DemoKnowledgeBase.class.getResourceAsStream("/kb/" + file)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String title = content.lines().findFirst().orElse(file).replaceFirst("^#\\s*", "").strip();
            return new Article(file, ORG, title, content, ArticleFormat.MARKDOWN, List.of(), Instant.now(), Instant.now());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
