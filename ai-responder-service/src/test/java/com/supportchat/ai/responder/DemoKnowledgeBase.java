package com.supportchat.ai.responder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.supportchat.ai.knowledge.Article;
import com.supportchat.ai.knowledge.ArticleFormat;
import com.supportchat.ai.knowledge.Chunk;
import com.supportchat.ai.knowledge.Chunker;
import com.supportchat.ai.knowledge.Glossary;
import com.supportchat.ai.knowledge.KnowledgeBase;
import com.supportchat.ai.knowledge.KnowledgeIndex;
import com.supportchat.ai.knowledge.RetrievalConfidence;
import com.supportchat.ai.understanding.Models;
import com.supportchat.ai.understanding.SentenceEncoder;

/**
 * The demo org's five articles (Acme Outfitters, deploy/local/demo/kb: what the local run seeds) indexed with their
 * passage embeddings for one org, as an object mother for responder tests.
 */
final class DemoKnowledgeBase {

    static final String ORG = "org-demo";

    private DemoKnowledgeBase() {
    }

    static KnowledgeIndex index() {
        SentenceEncoder encoder = Models.encoder();
        KnowledgeIndex index = new KnowledgeIndex(Glossary.load(), RetrievalConfidence.load(), encoder::embed);
        for (Article article : articles()) {
            index.put(KnowledgeBase.embed(article, encoder, Models.reader().languageOf(article.content()))).block();
        }
        return index;
    }

    static List<Article> articles() {
        Path dir = Files.isDirectory(Path.of("../deploy/local/demo/kb")) ? Path.of("../deploy/local/demo/kb")
                : Path.of("deploy/local/demo/kb");
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().map(DemoKnowledgeBase::article).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Article article(Path file) {
        try {
            String content = Files.readString(file);
            String title = content.lines().findFirst().orElse("").replaceFirst("^#\\s*", "").strip();
            return new Article(file.getFileName().toString(), ORG, title, content, ArticleFormat.MARKDOWN, List.of(),
                    Instant.EPOCH, Instant.EPOCH);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
