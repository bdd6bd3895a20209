package com.supportchat.ai.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * In-memory Lucene BM25 index, one per org (so term statistics are the org's own). Writes and searches run
 * on {@code boundedElastic}; the index is derived state, rebuilt from PostgreSQL at start.
 */
public class KnowledgeIndex implements AutoCloseable {

    private static final String ARTICLE_ID = "articleId";
    private static final String TITLE = "title";
    private static final String HEADING = "heading";
    private static final String BODY = "body";
    private static final String ALL = "all";

    /**
     * Lucene's English stop words plus the question and pronoun words visitors wrap their questions in:
     * "how do I ..." says nothing about which passage answers it.
     */
    static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(List.of("i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our", "he", "she", "him", "her",
                "how", "what", "when", "where", "why", "which", "who", "whom", "do", "does", "did", "can", "could",
                "would", "should", "shall", "may", "might", "must", "have", "has", "had", "get", "got", "please", "hi",
                "hello", "hey", "thanks", "thank", "want", "need", "know", "tell", "about", "any", "some", "am", "been",
                "from", "so", "just", "also", "there", "here", "it's", "i'm", "don't", "im", "dont", "much", "many",
                "like", "make", "out", "up", "one", "all", "more", "very", "anyone", "someone", "something", "way",
                "help", "question", "info", "information", "possible", "able", "ok", "okay", "long", "take", "takes",
                "find", "work", "use", "go", "see", "look", "doing", "done", "put", "let", "say", "said", "else", "really",
                "still", "already", "today", "now", "yes", "no", "well", "them", "they", "is", "are", "was", "were"));
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);
    private final ConcurrentHashMap<String, OrgIndex> orgs = new ConcurrentHashMap<>();
    private final Scheduler scheduler;

    public KnowledgeIndex() {
        this(Schedulers.boundedElastic());
    }

    KnowledgeIndex(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Indexes the article's chunks, replacing whatever was indexed for it before. */
    public Mono<Void> put(Article article) {
        return Mono.<Void>fromRunnable(() -> {
            OrgIndex index = orgs.computeIfAbsent(article.orgId(), org -> new OrgIndex(analyzer));
            List<Document> documents = new ArrayList<>();
            for (Chunk chunk : Chunker.chunk(article.content(), article.format())) {
                Document doc = new Document();
                doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
                doc.add(new TextField(TITLE, article.title(), Field.Store.YES));
                doc.add(new TextField(HEADING, chunk.heading(), Field.Store.YES));
                doc.add(new TextField(BODY, chunk.text(), Field.Store.YES));
                doc.add(new TextField(ALL, article.title() + "\n" + String.join(" ", article.tags()) + "\n"
                        + chunk.heading() + "\n" + chunk.text(), Field.Store.NO));
                documents.add(doc);
            }
            index.replace(article.id(), documents);
        }).subscribeOn(scheduler);
    }

    public Mono<Void> remove(String orgId, String articleId) {
        return Mono.<Void>fromRunnable(() -> {
            OrgIndex index = orgs.get(orgId);
            if (index != null) {
                index.replace(articleId, List.of());
            }
        }).subscribeOn(scheduler);
    }

    /** The best passages for the query, best first; empty when the org has no articles or nothing matches. */
    public Mono<List<Passage>> search(String orgId, String query, int limit) {
        return Mono.fromCallable(() -> {
            OrgIndex index = orgs.get(orgId);
            if (index == null || query == null || query.isBlank()) {
                return List.<Passage>of();
            }
            return index.search(terms(query), limit);
        }).subscribeOn(scheduler);
    }

    /** The analyzed terms of a text, deduplicated, in order. */
    List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(ALL, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new ArrayList<>(terms);
    }

    @Override
    public void close() {
        orgs.values().forEach(OrgIndex::close);
        orgs.clear();
    }

    private final class OrgIndex {

        private final IndexWriter writer;
        private final SearcherManager searchers;

        OrgIndex(Analyzer analyzer) {
            try {
                IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
                this.writer = new IndexWriter(new ByteBuffersDirectory(), config);
                this.searchers = new SearcherManager(writer, null);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        synchronized void replace(String articleId, List<Document> documents) {
            try {
                writer.deleteDocuments(new Term(ARTICLE_ID, articleId));
                if (!documents.isEmpty()) {
                    writer.addDocuments(documents);
                }
                writer.commit();
                searchers.maybeRefreshBlocking();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        List<Passage> search(List<String> queryTerms, int limit) throws IOException {
            if (queryTerms.isEmpty()) {
                return List.of();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.setSimilarity(new BM25Similarity());
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                for (String term : queryTerms) {
                    query.add(new TermQuery(new Term(ALL, term)), BooleanClause.Occur.SHOULD);
                    query.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), 0.5f), BooleanClause.Occur.SHOULD);
                    query.add(new BoostQuery(new TermQuery(new Term(HEADING, term)), 0.8f), BooleanClause.Occur.SHOULD);
                }
                TopDocs top = searcher.search(query.build(), limit);
                IndexReader reader = searcher.getIndexReader();
                double[] idf = new double[queryTerms.size()];
                double total = 0;
                for (int i = 0; i < queryTerms.size(); i++) {
                    int df = reader.docFreq(new Term(ALL, queryTerms.get(i)));
                    idf[i] = Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5));
                    total += idf[i];
                }
                List<Passage> passages = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    Document doc = searcher.storedFields().document(hit.doc);
                    Set<String> chunkTerms = new LinkedHashSet<>(terms(doc.get(TITLE) + "\n" + doc.get(HEADING) + "\n"
                            + doc.get(BODY)));
                    double covered = 0;
                    for (int i = 0; i < queryTerms.size(); i++) {
                        if (chunkTerms.contains(queryTerms.get(i))) {
                            covered += idf[i];
                        }
                    }
                    passages.add(new Passage(doc.get(ARTICLE_ID), doc.get(TITLE), doc.get(HEADING), doc.get(BODY),
                            hit.score, total == 0 ? 0 : covered / total));
                }
                return passages;
            }
            finally {
                searchers.release(searcher);
            }
        }

        void close() {
            try {
                searchers.close();
                writer.close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
