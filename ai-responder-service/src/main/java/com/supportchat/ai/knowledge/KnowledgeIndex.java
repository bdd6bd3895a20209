package com.supportchat.ai.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.supportchat.ai.understanding.Language;

/**
 * In-memory hybrid index, one per org (so term statistics are the org's own): every passage (chunk) of every
 * article is searchable by its words (BM25, analysed in the article's language: stop words, Snowball stems) and by
 * its meaning (its stored sentence embedding, in Lucene's HNSW vector graph). A search runs both, fuses the two
 * rankings by reciprocal rank, and gives each passage a calibrated confidence ({@link RetrievalConfidence}) that
 * decides whether the built-in responder answers with it.
 *
 * <p>A question in another language than an article reaches it through the {@link Glossary}. Queries are capped
 * ({@link #MAX_QUERY_TERMS}), so a long message with many distinct words cannot exhaust Lucene's clause limit.
 * Writes and searches run on {@code boundedElastic}; the index is derived state, rebuilt from PostgreSQL at start.
 */
public class KnowledgeIndex implements AutoCloseable {

    /** Distinct words of a query that are searched for (the first ones; the rest add little but cost). */
    static final int MAX_QUERY_TERMS = 48;
    /** Candidates each ranking contributes to the fusion. */
    static final int CANDIDATES = 20;
    /** Reciprocal rank fusion's constant. */
    static final int RRF_K = 10;

    private static final String ARTICLE_ID = "articleId";
    private static final String ORDINAL = "ordinal";
    private static final String LANGUAGE = "language";
    private static final String TITLE = "title";
    private static final String HEADING = "heading";
    private static final String BODY = "body";
    private static final String VECTOR = "vector";
    private static final String SENTENCE_VECTOR = "sentenceVector";
    /** Sentences whose vectors take part in a search. */
    static final int SENTENCE_CANDIDATES = 30;

    /**
     * Lucene's English stop words plus the question and pronoun words visitors wrap their questions in:
     * "how do I ..." says nothing about which passage answers it.
     */
    static final CharArraySet ENGLISH_STOP_WORDS;

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
        ENGLISH_STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
    private final Analyzer analyzer;
    private final ConcurrentHashMap<String, OrgIndex> orgs = new ConcurrentHashMap<>();
    private final Glossary glossary;
    private final RetrievalConfidence confidence;
    private final Function<String, float[]> encoder;
    private final Scheduler scheduler;

    /**
     * @param encoder sentence embeddings of a question's translation (a question asked in another language than the
     *                articles is compared by meaning through its glossary translation); null: not available yet
     */
    public KnowledgeIndex(Glossary glossary, RetrievalConfidence confidence, Function<String, float[]> encoder) {
        this(glossary, confidence, encoder, Schedulers.boundedElastic());
    }

    KnowledgeIndex(Glossary glossary, RetrievalConfidence confidence, Function<String, float[]> encoder,
            Scheduler scheduler) {
        this.glossary = glossary;
        this.confidence = confidence;
        this.encoder = encoder;
        this.scheduler = scheduler;
        analyzers.put(Language.EN, new EnglishAnalyzer(ENGLISH_STOP_WORDS));
        analyzers.put(Language.DE, new GermanAnalyzer());
        analyzers.put(Language.ES, new SpanishAnalyzer());
        analyzers.put(Language.FR, new FrenchAnalyzer());
        analyzers.put(Language.PT, new PortugueseAnalyzer());
        analyzers.put(Language.IT, new ItalianAnalyzer());
        analyzers.put(Language.NL, new DutchAnalyzer());
        Map<String, Analyzer> perField = new HashMap<>();
        for (Language language : Language.values()) {
            for (String field : List.of(TITLE, HEADING, BODY)) {
                perField.put(field(field, language), analyzers.get(language));
            }
        }
        this.analyzer = new PerFieldAnalyzerWrapper(analyzers.get(Language.EN), perField);
    }

    private static String field(String name, Language language) {
        return name + "_" + language.code();
    }

    /**
     * An article's passages with their embeddings, ready to index: one vector per passage, and one per sentence of
     * each passage (a short question is closest to the sentence that answers it, which a long passage's vector blurs).
     */
    public record IndexedArticle(Article article, Language language, List<Chunk> chunks, List<float[]> vectors,
            List<List<float[]>> sentenceVectors) {

        public IndexedArticle {
            chunks = List.copyOf(chunks);
            vectors = List.copyOf(vectors);
            sentenceVectors = sentenceVectors == null ? List.of() : List.copyOf(sentenceVectors);
        }
    }

    /** Indexes the article's passages, replacing whatever was indexed for it before. */
    public Mono<Void> put(IndexedArticle indexed) {
        return Mono.<Void>fromRunnable(() -> {
            Article article = indexed.article();
            Language language = indexed.language();
            OrgIndex index = orgs.computeIfAbsent(article.orgId(), org -> new OrgIndex(analyzer));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < indexed.chunks().size(); i++) {
                Chunk chunk = indexed.chunks().get(i);
                Document doc = new Document();
                doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
                doc.add(new StoredField(ORDINAL, i));
                doc.add(new StringField(LANGUAGE, language.code(), Field.Store.YES));
                doc.add(new StoredField(TITLE, article.title()));
                doc.add(new StoredField(HEADING, chunk.heading()));
                doc.add(new StoredField(BODY, chunk.text()));
                doc.add(new TextField(field(TITLE, language), article.title() + " " + String.join(" ", article.tags()),
                        Field.Store.NO));
                doc.add(new TextField(field(HEADING, language), chunk.heading(), Field.Store.NO));
                doc.add(new TextField(field(BODY, language), article.title() + "\n" + String.join(" ", article.tags())
                        + "\n" + chunk.heading() + "\n" + chunk.text(), Field.Store.NO));
                doc.add(new KnnFloatVectorField(VECTOR, indexed.vectors().get(i), VectorSimilarityFunction.DOT_PRODUCT));
                documents.add(doc);
                if (i < indexed.sentenceVectors().size()) {
                    for (float[] sentence : indexed.sentenceVectors().get(i)) {
                        Document s = new Document();
                        s.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
                        s.add(new StoredField(ORDINAL, i));
                        s.add(new KnnFloatVectorField(SENTENCE_VECTOR, sentence, VectorSimilarityFunction.DOT_PRODUCT));
                        documents.add(s);
                    }
                }
            }
            index.replace(article.id(), language, documents, indexed);
        }).subscribeOn(scheduler);
    }

    public Mono<Void> remove(String orgId, String articleId) {
        return Mono.<Void>fromRunnable(() -> {
            OrgIndex index = orgs.get(orgId);
            if (index != null) {
                index.replace(articleId, null, List.of(), null);
            }
        }).subscribeOn(scheduler);
    }

    /** The titles of an org's articles, the ones searched most often first (what the knowledge base covers). */
    public List<String> titles(String orgId) {
        OrgIndex index = orgs.get(orgId);
        return index == null ? List.of() : index.titles();
    }

    /** The best passages for the query, best first; empty when the org has no articles or nothing matches. */
    public Mono<List<Passage>> search(String orgId, SearchQuery query, int limit) {
        return Mono.fromCallable(() -> {
            OrgIndex index = orgs.get(orgId);
            if (index == null || query.text() == null || query.text().isBlank()) {
                return List.<Passage>of();
            }
            return index.search(query, limit);
        }).subscribeOn(scheduler);
    }

    /** The analysed terms of a text in a language, deduplicated, in order. */
    List<String> terms(String text, Language language) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzers.get(language).tokenStream(BODY, text)) {
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
        /** What is indexed of each article, by id: its language, title, passages and their vectors. */
        private final Map<String, IndexedArticle> articles = new ConcurrentHashMap<>();
        private final Map<String, Language> languages = new ConcurrentHashMap<>();
        private final Map<PassageKey, Set<String>> passageTerms = new ConcurrentHashMap<>();

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

        synchronized void replace(String articleId, Language language, List<Document> documents, IndexedArticle indexed) {
            try {
                writer.deleteDocuments(new Term(ARTICLE_ID, articleId));
                if (!documents.isEmpty()) {
                    writer.addDocuments(documents);
                }
                writer.commit();
                searchers.maybeRefreshBlocking();
                passageTerms.keySet().removeIf(key -> key.articleId().equals(articleId));
                if (documents.isEmpty()) {
                    languages.remove(articleId);
                    articles.remove(articleId);
                }
                else {
                    languages.put(articleId, language);
                    articles.put(articleId, indexed);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        List<String> titles() {
            return articles.values().stream().map(a -> a.article().title()).sorted().toList();
        }

        List<Passage> search(SearchQuery query, int limit) throws IOException {
            Set<Language> present = new LinkedHashSet<>();
            if (languages.containsValue(query.language())) {
                present.add(query.language());
            }
            present.addAll(languages.values());
            Map<Language, Set<String>> translated = glossary.translate(query.text(), query.language());
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.setSimilarity(new BM25Similarity());
                IndexReader reader = searcher.getIndexReader();
                Map<Language, List<String>> termsByLanguage = queryTerms(query, present, translated, reader);
                Map<PassageKey, Double> fused = new LinkedHashMap<>();
                Map<PassageKey, Integer> lexicalRank = new HashMap<>();
                BooleanQuery.Builder words = new BooleanQuery.Builder();
                int clauses = 0;
                for (Map.Entry<Language, List<String>> entry : termsByLanguage.entrySet()) {
                    for (String term : entry.getValue()) {
                        words.add(new TermQuery(new Term(field(BODY, entry.getKey()), term)), BooleanClause.Occur.SHOULD);
                        words.add(new BoostQuery(new TermQuery(new Term(field(TITLE, entry.getKey()), term)), 0.5f),
                                BooleanClause.Occur.SHOULD);
                        words.add(new BoostQuery(new TermQuery(new Term(field(HEADING, entry.getKey()), term)), 0.8f),
                                BooleanClause.Occur.SHOULD);
                        clauses += 3;
                    }
                }
                if (clauses > 0) {
                    fuse(fused, lexicalRank, keys(searcher, searcher.search(words.build(), CANDIDATES).scoreDocs));
                }
                float[] meaning = meaning(query, present, translated);
                if (meaning != null) {
                    fuse(fused, null, keys(searcher, searcher.search(new KnnFloatVectorQuery(VECTOR, meaning, CANDIDATES),
                            CANDIDATES).scoreDocs));
                    fuse(fused, null, keys(searcher, searcher.search(new KnnFloatVectorQuery(SENTENCE_VECTOR, meaning,
                            SENTENCE_CANDIDATES), SENTENCE_CANDIDATES).scoreDocs));
                }
                // only the best few by fused rank are looked at closely (coverage, cosine): the rest are not answers
                List<Map.Entry<PassageKey, Double>> ranked = new ArrayList<>(fused.entrySet());
                ranked.sort(Map.Entry.<PassageKey, Double>comparingByValue().reversed());
                List<Passage> best = new ArrayList<>();
                for (Map.Entry<PassageKey, Double> hit : ranked) {
                    if (best.size() >= limit) {
                        break;
                    }
                    IndexedArticle indexed = articles.get(hit.getKey().articleId());
                    int ordinal = hit.getKey().ordinal();
                    if (indexed == null || ordinal >= indexed.chunks().size()) {
                        continue;
                    }
                    Chunk chunk = indexed.chunks().get(ordinal);
                    double similarity = meaning == null ? 0 : similarity(meaning, indexed, ordinal);
                    // the share of what was asked: in the question's own language its own words (synonyms the
                    // glossary added are alternatives, not more to cover); in another, its translated words
                    List<String> asked = indexed.language() == query.language() ? terms(query.text(), query.language())
                            : termsByLanguage.getOrDefault(indexed.language(), List.of());
                    double coverage = coverage(reader, asked.size() > MAX_QUERY_TERMS ? asked.subList(0, MAX_QUERY_TERMS)
                            : asked, indexed.language(), passageTerms(indexed, ordinal));
                    Integer rank = lexicalRank.get(hit.getKey());
                    best.add(new Passage(indexed.article().id(), indexed.article().title(), chunk.heading(), chunk.text(),
                            indexed.language(), hit.getValue(), similarity, coverage, rank == null ? -1 : rank, 0));
                }
                return confidence.rate(best);
            }
            finally {
                searchers.release(searcher);
            }
        }

        /** The analysed words of a passage (with its article's title and its heading), computed once per passage. */
        private Set<String> passageTerms(IndexedArticle indexed, int ordinal) {
            return passageTerms.computeIfAbsent(new PassageKey(indexed.article().id(), ordinal), key -> {
                Chunk chunk = indexed.chunks().get(ordinal);
                return Set.copyOf(terms(indexed.article().title() + "\n" + chunk.heading() + "\n" + chunk.text(),
                        indexed.language()));
            });
        }

        /** The best cosine of the query with the passage or one of its sentences. */
        private double similarity(float[] meaning, IndexedArticle indexed, int ordinal) {
            double best = dot(meaning, indexed.vectors().get(ordinal));
            if (ordinal < indexed.sentenceVectors().size()) {
                for (float[] sentence : indexed.sentenceVectors().get(ordinal)) {
                    best = Math.max(best, dot(meaning, sentence));
                }
            }
            return best;
        }

        /** The passages of a ranking, best first, each once (a passage's sentences count as the passage). */
        private List<PassageKey> keys(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
            List<PassageKey> keys = new ArrayList<>();
            for (ScoreDoc hit : hits) {
                Document doc = searcher.storedFields().document(hit.doc);
                PassageKey key = new PassageKey(doc.get(ARTICLE_ID), doc.getField(ORDINAL).numericValue().intValue());
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            return keys;
        }

        /** Adds a ranking's reciprocal ranks to the fused scores (and remembers the ranks by words). */
        private static void fuse(Map<PassageKey, Double> fused, Map<PassageKey, Integer> ranks, List<PassageKey> ranking) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank), 1.0 / (RRF_K + rank + 1), Double::sum);
                if (ranks != null) {
                    ranks.putIfAbsent(ranking.get(rank), rank);
                }
            }
        }

        /**
         * What the query means, as a vector to compare passages with: its own embedding when the org's articles are in
         * its language; else (the sentence model reads English) the embedding of its glossary translation to English,
         * when it has one.
         */
        private float[] meaning(SearchQuery query, Set<Language> present, Map<Language, Set<String>> translated) {
            // a query without an embedding is searched by words only (the single sentences of a long message):
            // its translation is not embedded either
            if (query.embedding() == null || query.language() == Language.EN || present.contains(query.language())
                    || encoder == null) {
                return query.embedding();
            }
            Set<String> english = translated.get(Language.EN);
            if (english == null || english.isEmpty()) {
                return query.embedding();
            }
            float[] gloss = encoder.apply(String.join(" ", english));
            return gloss == null ? query.embedding() : gloss;
        }

        /**
         * The query's words in each language the org's articles are written in, capped at {@link #MAX_QUERY_TERMS}:
         * in its own language its words and the glossary's synonyms; in another language the glossary's translation of what it names, and those
         * of its own words that the articles contain (names, numbers, loanwords). The question's language comes first.
         */
        private Map<Language, List<String>> queryTerms(SearchQuery query, Set<Language> present,
                Map<Language, Set<String>> translated, IndexReader reader) throws IOException {
            Map<Language, List<String>> terms = new EnumMap<>(Language.class);
            int budget = MAX_QUERY_TERMS;
            for (Language language : present) {
                Set<String> words = new LinkedHashSet<>();
                if (language == query.language()) {
                    words.addAll(terms(query.text(), language));
                    Set<String> synonyms = translated.get(language);
                    if (synonyms != null) {
                        words.addAll(terms(String.join(" ", synonyms), language));
                    }
                }
                else {
                    Set<String> extra = translated.get(language);
                    if (extra != null) {
                        words.addAll(terms(String.join(" ", extra), language));
                    }
                    for (String own : terms(query.text(), language)) {
                        if (reader.docFreq(new Term(field(BODY, language), own)) > 0) {
                            words.add(own);
                        }
                    }
                }
                List<String> capped = new ArrayList<>();
                for (String word : words) {
                    if (budget-- <= 0) {
                        break;
                    }
                    capped.add(word);
                }
                terms.put(language, capped);
            }
            return terms;
        }

        /** The share of the query's information (IDF-weighted terms) the passage contains. */
        private double coverage(IndexReader reader, List<String> queryTerms, Language language, Set<String> passageTerms)
                throws IOException {
            if (queryTerms.isEmpty()) {
                return 0;
            }
            double total = 0;
            double covered = 0;
            for (String term : queryTerms) {
                int df = reader.docFreq(new Term(field(BODY, language), term));
                double idf = Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5));
                total += idf;
                if (passageTerms.contains(term)) {
                    covered += idf;
                }
            }
            return total == 0 ? 0 : covered / total;
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

    private record PassageKey(String articleId, int ordinal) {
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
