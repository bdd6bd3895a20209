package com.supportchat.ai.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex() {
        return new KnowledgeIndex();
    }

    /** The index is derived state: rebuilt from PostgreSQL when the service is ready, off the main thread. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIndex(ApplicationReadyEvent event) {
        KnowledgeBase knowledgeBase = event.getApplicationContext().getBean(KnowledgeBase.class);
        knowledgeBase.rebuild().subscribe(
                count -> log.info("Knowledge index rebuilt: {} articles", count),
                ex -> log.error("Knowledge index rebuild failed: {}", ex.toString()));
    }
}
