package com.supportchat.ai.responder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.ai.knowledge.KnowledgeIndex;
import com.supportchat.ai.knowledge.Passage;
import com.supportchat.ai.knowledge.RetrievalConfidence;
import com.supportchat.ai.knowledge.SearchQuery;
import com.supportchat.ai.understanding.Language;
import com.supportchat.ai.understanding.Reading;
import com.supportchat.ai.understanding.SmallTalk;
import com.supportchat.events.ReplyGenerated;

import org.springframework.stereotype.Component;

/**
 * Answers without a model. Small talk gets a friendly reply in the visitor's language; "what can you help me
 * with?" names what the knowledge base covers. A question gets the best passage of the hybrid search when its
 * calibrated confidence reaches the threshold, quoted from its article (in the article's language); otherwise an
 * honest "I couldn't find an answer".
 */
@Component
public class BuiltInResponder implements Responder {

    public static final String NAME = "builtin";
    static final int MAX_QUOTE = 700;
    /** Sentences of a long message also searched alone, at most. */
    static final int MAX_SENTENCES = 3;
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private final KnowledgeIndex index;
    private final RetrievalConfidence confidence;

    BuiltInResponder(KnowledgeIndex index, RetrievalConfidence confidence) {
        this.index = index;
        this.confidence = confidence;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<ResponderOutcome> respond(ResponderRequest request) {
        Reading reading = request.reading();
        Language language = reading == null ? Language.EN : reading.language();
        if (reading != null && reading.smallTalk() != null) {
            return Mono.just(new ResponderOutcome.Answered(smallTalk(reading.smallTalk(), language, request.orgId()),
                    List.of(), NAME, true));
        }
        return search(request, 3).map(passages -> decide(passages, language));
    }

    /**
     * The best passages for the message: visitors wrap a question in context ("How do I reset my password? The link
     * expired"), so each sentence is also searched alone and words that are in no article do not drown the question.
     */
    Mono<List<Passage>> search(ResponderRequest request, int limit) {
        Reading reading = request.reading();
        Language language = reading == null ? Language.EN : reading.language();
        List<SearchQuery> queries = new ArrayList<>();
        queries.add(new SearchQuery(request.text(), language, reading == null ? null : reading.embedding()));
        String[] sentences = SENTENCES.split(request.text().strip());
        if (sentences.length > 1) {
            for (int i = 0; i < sentences.length && queries.size() <= MAX_SENTENCES; i++) {
                if (sentences[i].strip().length() >= 8) {
                    queries.add(new SearchQuery(sentences[i], language, null));
                }
            }
        }
        return Flux.fromIterable(queries)
            .concatMap(query -> index.search(request.orgId(), query, limit))
            .collectList()
            .map(results -> {
                List<Passage> all = new ArrayList<>();
                results.forEach(all::addAll);
                all.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
                return all;
            });
    }

    private ResponderOutcome decide(List<Passage> passages, Language language) {
        Passage best = passages.isEmpty() ? null : passages.get(0);
        if (best == null || best.confidence() < confidence.threshold()) {
            String why = best == null ? "no passage matched"
                    : String.format(Locale.ROOT, "best passage confidence %.2f < %.2f", best.confidence(),
                            confidence.threshold());
            return new ResponderOutcome.Unanswered(Replies.text(language, "not-found"),
                    "the knowledge base has no confident answer (" + why + ")", NAME, best == null ? null : best.confidence());
        }
        String text = Replies.text(language, "from-article", best.title()) + quote(best.text());
        return new ResponderOutcome.Answered(text, List.of(new ReplyGenerated.Source(best.articleId(), best.title())),
                NAME, false, best.confidence());
    }

    private String smallTalk(SmallTalk kind, Language language, String orgId) {
        return switch (kind) {
            case CAPABILITIES -> {
                List<String> titles = index.titles(orgId).stream().map(BuiltInResponder::inSentence).toList();
                yield titles.isEmpty() ? Replies.text(language, "capabilities-general")
                        : Replies.text(language, "capabilities", Replies.list(language, titles));
            }
            case IDENTITY -> Replies.text(language, "who-are-you");
            case GREETING -> Replies.text(language, "greeting");
            case FAREWELL -> Replies.text(language, "bye");
            case THANKS -> Replies.text(language, "thanks");
            case ACKNOWLEDGEMENT -> Replies.text(language, "ok");
        };
    }

    /** A title inside a sentence: "Opening hours" reads "opening hours", "FAQ" stays. */
    static String inSentence(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))) {
            return Character.toLowerCase(title.charAt(0)) + title.substring(1);
        }
        return title;
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
