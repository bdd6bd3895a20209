package com.supportchat.ai.understanding;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The instance's sentence-embedding model, language detector and trained intent reader, loaded once, in the
 * background as the service starts (a few seconds of CPU, off the event loop). Until they are loaded the
 * {@code understanding} health contributor, part of the readiness group, is OUT_OF_SERVICE: the instance takes
 * no traffic. Work that arrives earlier (a Kafka record) waits for them without blocking a thread.
 */
@Component("understanding")
public class Understanding implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(Understanding.class);

    private final CompletableFuture<SentenceEncoder> encoder = new CompletableFuture<>();
    private final CompletableFuture<IntentReader> reader = new CompletableFuture<>();

    Understanding() {
        Thread loader = new Thread(this::load, "understanding-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            long started = System.nanoTime();
            SentenceEncoder sentences = new SentenceEncoder();
            encoder.complete(sentences);
            LanguageDetector languages = new LanguageDetector();
            IntentReader trained = IntentReader.trained(sentences, languages);
            reader.complete(trained);
            log.info("Sentence model, language detector and intent classifier ready in {} ms",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        catch (RuntimeException | Error ex) {
            log.error("Loading the sentence model or training the intent classifier failed", ex);
            encoder.completeExceptionally(ex);
            reader.completeExceptionally(ex);
        }
    }

    /** The intent reader, once trained; reading is CPU-bound (milliseconds): it runs on the parallel scheduler. */
    public Mono<Reading> read(String text, java.util.List<Turn> history, TriggerSettings settings) {
        return Mono.fromFuture(reader, true)
            .publishOn(Schedulers.parallel())
            .map(intents -> intents.read(text, history, settings));
    }

    public Mono<IntentReader> reader() {
        return Mono.fromFuture(reader, true);
    }

    public Mono<SentenceEncoder> encoder() {
        return Mono.fromFuture(encoder, true);
    }

    /** The sentence embedding of a text when the model is loaded, else null (CPU-bound: call off the event loop). */
    public float[] embedIfReady(String text) {
        SentenceEncoder loaded = encoder.getNow(null);
        return loaded == null ? null : loaded.embed(text);
    }

    @Override
    public Health health() {
        if (reader.isDone() && !reader.isCompletedExceptionally()) {
            return Health.up().build();
        }
        return reader.isCompletedExceptionally() ? Health.down().withDetail("reason", "loading failed").build()
                : Health.outOfService().withDetail("reason", "loading the sentence model").build();
    }
}
