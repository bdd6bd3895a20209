package com.supportchat.ai.knowledge;

import java.time.Duration;

import reactor.util.retry.Retry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.supportchat.ai.understanding.Understanding;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(RetrievalConfidence confidence, Understanding understanding) {
        return new KnowledgeIndex(Glossary.load(), confidence, understanding::embedIfReady);
    }

    @Bean
    RetrievalConfidence retrievalConfidence() {
        return RetrievalConfidence.load();
    }

    /**
     * The index is derived state: rebuilt from PostgreSQL when the service is ready, off the main thread,
     * and retried with back-off when the database is not reachable yet (an empty index would leave the AI
     * unable to answer anything).
     */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIndex(ApplicationReadyEvent event) {
        KnowledgeBase knowledgeBase = event.getApplicationContext().getBean(KnowledgeBase.class);
        knowledgeBase.rebuild()
            .retryWhen(Retry.backoff(20, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(signal -> log.warn("Knowledge index rebuild failed, retrying: {}", signal.failure().toString())))
            .subscribe(
                count -> log.info("Knowledge index rebuilt: {} articles", count),
                ex -> log.error("Knowledge index rebuild failed: {}", ex.toString()));
    }
}
