package com.supportchat.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.Topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the outbox, its relay and inbound event handling into a service that has R2DBC and Kafka.
 * Producer settings are fixed here on purpose: acks=all and idempotence (no loss, no duplicates from
 * retries), linger.ms=1 (chat is latency-bound), short blocking and delivery time-outs so a Kafka outage
 * surfaces to the relay, which keeps the rows and retries, instead of stalling it for minutes.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** Every listener reads CloudEvents as String key and raw JSON bytes, committing only what it applied. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer cloudEventConsumerDefaults() {
        return factory -> {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    factory.getConfigurationProperties().getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            factory.updateConfigs(config);
        };
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> eventKafkaTemplate) {
        return new DeadLetters(eventKafkaTemplate);
    }

    /** Finds the {@link EventHandler} methods and creates their listener containers (static: a post-processor). */
    @Bean
    static EventHandlerRegistrar eventHandlerRegistrar() {
        return new EventHandlerRegistrar();
    }

    /**
     * Last line of defence, for a listener container whose listener throws instead of returning its {@code Mono}: the
     * containers of {@link EventHandler}s never do ({@link PollDispatcher} classifies and parks every failure itself),
     * but a hand-written {@code @KafkaListener} could. Bounded retries, then the same {@link DeadLetters} path and
     * {@code x-dlt-*} headers, so there is one dead-letter convention and spring-kafka's {@code kafka_dlt-*} headers
     * never appear.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(DeadLetters deadLetters) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.recoverer(Duration.ofSeconds(30)), backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    @Bean
    DeadLetterDepth deadLetterDepth(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterDepth(kafkaAdmin.getConfigurationProperties(), () -> listenedTopics(listeners),
                meters.getIfAvailable(SimpleMeterRegistry::new), properties);
    }

    private static Set<String> listenedTopics(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        Set<String> topics = new TreeSet<>();
        listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                topics.addAll(List.of(names));
            }
        }));
        return topics;
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), properties.partitions(), properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    Outbox outbox(DatabaseClient db, JsonMapper jsonMapper, MessagingProperties properties) {
        return new Outbox(db, jsonMapper, properties);
    }

    @Bean
    OutboxRelay outboxRelay(ConnectionFactory connectionFactory, DatabaseClient db, TransactionalOperator tx,
            KafkaTemplate<String, byte[]> eventKafkaTemplate, MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(connectionFactory, db, tx, eventKafkaTemplate, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ProcessedEventPruner processedEventPruner(DatabaseClient db, MessagingProperties properties,
            ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        return new ProcessedEventPruner(db, properties, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    InboundEvents inboundEvents(TransactionalOperator tx, DatabaseClient db, DeadLetters deadLetters,
            JsonMapper jsonMapper, MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new InboundEvents(tx, new ProcessedEvents(db), deadLetters, jsonMapper,
                properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
