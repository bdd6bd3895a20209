package com.supportchat.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.PublishedEvent;

import org.awaitility.Awaitility;

/** Plain Kafka clients, as another service would be: CloudEvents binary mode in, records out. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrap;
    private final JsonMapper mapper;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrap, JsonMapper mapper) {
        this.bootstrap = bootstrap;
        this.mapper = mapper;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    /** Publishes the event under the given CloudEvent id, as the service that owns it would. */
    public void publish(PublishedEvent event, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.subject(),
                mapper.writeValueAsBytes(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/test");
        header(record, "ce_type", event.type());
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", event.subject());
        header(record, "ce_orgid", event.orgId());
        header(record, "content-type", "application/json");
        producer.send(record).get();
    }

    public String publish(PublishedEvent event) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    /** Waits for records on the topic with the given key until {@code done} holds for what was read. */
    public <T> List<T> awaitRecords(String topic, String key, Class<T> type, Predicate<List<T>> done) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<T> seen = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        seen.add(mapper.readValue(record.value(), type));
                    }
                }
                return done.test(seen);
            });
            return seen;
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
