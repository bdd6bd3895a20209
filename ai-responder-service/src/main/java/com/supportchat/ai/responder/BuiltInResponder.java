package com.supportchat.ai.responder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.ai.knowledge.KnowledgeIndex;
import com.supportchat.ai.knowledge.Passage;
import com.supportchat.events.ReplyGenerated;

import org.springframework.stereotype.Component;

/**
 * Answers without a model: small talk gets a friendly reply; a question gets the best knowledge-base passage
 * when its confidence (the share of the question's IDF-weighted terms it covers) reaches the threshold, naming
 * the article; otherwise an honest "I don't know".
 */
@Component
public class BuiltInResponder implements Responder {

    public static final String NAME = "builtin";
    static final int MAX_QUOTE = 700;
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private final KnowledgeIndex index;
    private final double threshold;

    BuiltInResponder(KnowledgeIndex index, ResponderProperties properties) {
        this.index = index;
        this.threshold = properties.confidenceThreshold();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<ResponderOutcome> respond(ResponderRequest request) {
        Optional<String> smallTalk = SmallTalk.reply(request.text());
        if (smallTalk.isPresent()) {
            return Mono.just(new ResponderOutcome.Answered(smallTalk.get(), List.of(), NAME, true));
        }
        // visitors wrap a question in context ("How do I reset my password? The link expired"): each sentence is
        // also searched alone, so words that are not in any article do not drown the question
        List<String> queries = new ArrayList<>();
        queries.add(request.text());
        String[] sentences = SENTENCES.split(request.text().strip());
        if (sentences.length > 1) {
            for (String sentence : sentences) {
                if (sentence.strip().length() >= 8) {
                    queries.add(sentence);
                }
            }
        }
        return Flux.fromIterable(queries)
            .concatMap(query -> index.search(request.orgId(), query, 3))
            .collectList()
            .map(results -> decide(results.stream().flatMap(List::stream).toList()));
    }

    private ResponderOutcome decide(List<Passage> passages) {
        // passages come in BM25 order: the first of the most confident ones
        Passage best = null;
        for (Passage passage : passages) {
            if (best == null || passage.confidence() > best.confidence()) {
                best = passage;
            }
        }
        if (best == null || best.confidence() < threshold) {
            String confidence = best == null ? "no passage matched"
                    : String.format(Locale.ROOT, "best passage confidence %.2f < %.2f", best.confidence(), threshold);
            return new ResponderOutcome.Unanswered("I'm sorry, I couldn't find an answer to that in our help articles.",
                    "the knowledge base has no confident answer (" + confidence + ")", NAME);
        }
        String text = "From our article \"" + best.title() + "\": " + quote(best.text());
        return new ResponderOutcome.Answered(text, List.of(new ReplyGenerated.Source(best.articleId(), best.title())),
                NAME, false);
    }

    /** The passage, cut at a sentence end when it is long. */
    static String quote(String passage) {
        String text = passage.strip();
        if (text.length() <= MAX_QUOTE) {
            return text;
        }
        int cut = Math.max(text.lastIndexOf(". ", MAX_QUOTE), text.lastIndexOf(".\n", MAX_QUOTE));
        return cut > MAX_QUOTE / 2 ? text.substring(0, cut + 1) : text.substring(0, text.lastIndexOf(' ', MAX_QUOTE)) + " ...";
    }
}
