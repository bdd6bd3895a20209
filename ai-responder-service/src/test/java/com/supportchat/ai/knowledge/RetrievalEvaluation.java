package com.supportchat.ai.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.ai.understanding.IntentReader;
import com.supportchat.ai.understanding.Language;
import com.supportchat.ai.understanding.Reading;
import com.supportchat.ai.understanding.SentenceEncoder;
import com.supportchat.ai.understanding.TriggerSettings;

/**
 * The demo org's knowledge base (deploy/local/demo/kb, the articles the local run seeds) searched with labelled
 * questions: which article each question is about (null: none answers it; GREETING: small talk), and how often
 * the search answers from the right one.
 */
final class RetrievalEvaluation {

    static final String ORG = "org-demo";

    /** A labelled question: its language, the article (file name without .md) or null, and the text. */
    record Question(Language language, String article, String text) {
        boolean answerable() {
            return article != null && !article.equals("GREETING");
        }
    }

    /** A question's outcome: the top passage (or null), and whether the reader took it for small talk. */
    record Outcome(Question question, Passage top, Passage runnerUp, boolean smallTalk) {
        boolean topIsRight() {
            return top != null && question.answerable() && top.articleId().equals(question.article());
        }
    }

    static List<Question> questions(String resource) {
        List<Question> questions = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = RetrievalEvaluation.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String article = node.path("article").isNull() ? null : node.path("article").asString();
                questions.add(new Question(Language.ofCode(node.path("lang").asString()).orElseThrow(), article,
                        node.path("text").asString()));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return questions;
    }

    /** The demo articles, indexed with their passage embeddings; article ids are the file names without .md. */
    static KnowledgeIndex demoIndex(SentenceEncoder encoder, IntentReader reader, RetrievalConfidence confidence) {
        return demoIndex(encoder, reader, confidence, reactor.core.scheduler.Schedulers.boundedElastic());
    }

    /** The demo index searching on {@code scheduler} (the benchmark searches on the calling thread). */
    static KnowledgeIndex demoIndex(SentenceEncoder encoder, IntentReader reader, RetrievalConfidence confidence,
            reactor.core.scheduler.Scheduler scheduler) {
        KnowledgeIndex index = new KnowledgeIndex(Glossary.load(), confidence, encoder::embed, scheduler);
        for (Article article : demoArticles()) {
            index.put(KnowledgeBase.embed(article, encoder, reader.languageOf(article.content()))).block();
        }
        return index;
    }

    static List<Article> demoArticles() {
        Path dir = demoDir();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().map(f -> {
                try {
                    String content = Files.readString(f);
                    String title = content.lines().findFirst().orElse("").replaceFirst("^#\\s*", "").strip();
                    String id = f.getFileName().toString().replaceFirst("\\.md$", "");
                    return new Article(id, ORG, title, content, ArticleFormat.MARKDOWN, List.of(), Instant.EPOCH,
                            Instant.EPOCH);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path demoDir() {
        for (Path candidate : List.of(Path.of("../deploy/local/demo/kb"), Path.of("deploy/local/demo/kb"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/local/demo/kb not found from " + Path.of("").toAbsolutePath());
    }

    static List<Outcome> run(KnowledgeIndex index, IntentReader reader, List<Question> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Question q : questions) {
            Reading reading = reader.read(q.text(), List.of(), TriggerSettings.DEFAULTS);
            List<Passage> passages = index.search(ORG, new SearchQuery(q.text(), reading.language(), reading.embedding()), 5)
                .block();
            Passage top = passages.isEmpty() ? null : passages.get(0);
            Passage runnerUp = null;
            for (Passage p : passages) {
                if (top != null && !p.articleId().equals(top.articleId())) {
                    runnerUp = p;
                    break;
                }
            }
            outcomes.add(new Outcome(q, top, runnerUp, reading.smallTalk() != null));
        }
        return outcomes;
    }

    /** What the built-in responder would do with each question at a confidence threshold. */
    static String report(List<Outcome> outcomes, double threshold, boolean details) {
        int answerable = 0;
        int right = 0;
        int wrong = 0;
        int unanswerable = 0;
        int falseAnswers = 0;
        int greetings = 0;
        int greetingsSmallTalk = 0;
        Map<Language, int[]> perLanguage = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (Outcome o : outcomes) {
            boolean answered = o.top() != null && o.top().confidence() >= threshold && !o.smallTalk();
            int[] lang = perLanguage.computeIfAbsent(o.question().language(), l -> new int[2]);
            if (o.question().answerable()) {
                answerable++;
                lang[1]++;
                if (answered && o.topIsRight()) {
                    right++;
                    lang[0]++;
                }
                else {
                    if (answered) {
                        wrong++;
                    }
                    misses.append(String.format(Locale.ROOT, "  %s %-34s got %-34s c%.2f s%.2f v%.2f %s%n",
                            o.question().language().code(), o.question().article(), o.top() == null ? "-" : o.top().articleId(),
                            o.top() == null ? 0 : o.top().confidence(), o.top() == null ? 0 : o.top().similarity(),
                            o.top() == null ? 0 : o.top().coverage(), o.question().text()));
                }
            }
            else if (o.question().article() == null) {
                unanswerable++;
                if (answered) {
                    falseAnswers++;
                    misses.append(String.format(Locale.ROOT, "  %s (none)%-28s got %-34s c%.2f %s%n",
                            o.question().language().code(), "", o.top().articleId(), o.top().confidence(), o.question().text()));
                }
            }
            else {
                greetings++;
                if (o.smallTalk()) {
                    greetingsSmallTalk++;
                }
                else {
                    misses.append(String.format(Locale.ROOT, "  %s GREETING not small talk: %s%n",
                            o.question().language().code(), o.question().text()));
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "threshold %.2f: answered from the right article %d of %d (%.1f %%), from a wrong one %d; "
                        + "unanswerable answered %d of %d (%.1f %%); greetings read as small talk %d of %d%n",
                threshold, right, answerable, 100.0 * right / Math.max(1, answerable), wrong, falseAnswers, unanswerable,
                100.0 * falseAnswers / Math.max(1, unanswerable), greetingsSmallTalk, greetings));
        perLanguage.forEach((l, c) -> out.append(String.format(Locale.ROOT, "  %s %d/%d", l.code(), c[0], c[1])));
        out.append('\n');
        if (details) {
            out.append(misses);
        }
        return out.toString();
    }
}
