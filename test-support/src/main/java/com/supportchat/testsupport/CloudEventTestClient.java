package com.supportchat.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.PublishedEvent;

/**
 * Plays another service on the real test broker: sends CloudEvents in binary mode, as the outbox relay
 * does, and reads what the service under test published.
 */
public final class CloudEventTestClient implements AutoCloseable {

    private static CloudEventTestClient shared;

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper mapper;

    /** One client per test JVM, like the Spring context and the broker; the first caller's mapper serves all. */
    public static synchronized CloudEventTestClient shared(JsonMapper mapper) {
        if (shared == null) {
            shared = new CloudEventTestClient(mapper);
        }
        return shared;
    }

    public CloudEventTestClient() {
        this(null);
    }

    /** With the service's own mapper, for {@link #publish} and {@link #awaitRecords} of event records. */
    public CloudEventTestClient(JsonMapper mapper) {
        this.mapper = mapper;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props);
    }

    /** Sends one event and waits for the broker's acknowledgement; returns its ce_id. */
    public String send(String topic, String type, String key, String orgId, String jsonData) {
        String id = UUID.randomUUID().toString();
        send(topic, type, key, orgId, jsonData, id);
        return id;
    }

    public void send(String topic, String type, String key, String orgId, String jsonData, String id) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, jsonData.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/test",
                "ce_type", type, "ce_time", Instant.now().toString(), "ce_subject", key, "ce_orgid", orgId,
                "content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not send test event to " + topic, ex);
        }
    }

    /** Publishes the event record as the service that owns it would: its topic, subject as key, its type. */
    public String publish(PublishedEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    /** The same under a chosen CloudEvent id, e.g. to redeliver an event. */
    public void publish(PublishedEvent event, String eventId) {
        send(event.topic(), event.type(), event.subject(), event.orgId(), mapper().writeValueAsString(event), eventId);
    }

    /**
     * Reads the topic from its beginning and returns the values of the records with the given key, as
     * {@code type}, once {@code done} holds for them; fails after 30 seconds.
     */
    public <T> List<T> awaitRecords(String topic, String key, Class<T> type, Predicate<List<T>> done) {
        Duration timeout = Duration.ofSeconds(30);
        try (Reader reader = reader(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<T> seen = reader.all(record -> key.equals(record.key()), Duration.ofMillis(200)).stream()
                    .map(record -> mapper().readValue(record.value(), type))
                    .toList();
                if (done.test(seen)) {
                    return seen;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("records on " + topic + " for " + key + " did not arrive within "
                            + timeout + "; saw " + seen);
                }
            }
        }
    }

    private JsonMapper mapper() {
        if (mapper == null) {
            throw new IllegalStateException("construct with the service's JsonMapper to publish or read event records");
        }
        return mapper;
    }

    /** A consumer of the topics from their beginning, in a group of its own. */
    public static Reader reader(String... topics) {
        return new Reader(topics);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Reads records until one matches, or the time is up. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Reader(String... topics) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(topics));
        }

        public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : seen) {
                    if (match.test(record)) {
                        return record;
                    }
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            throw new AssertionError("no matching record within " + timeout + "; saw " + seen.size() + " records");
        }

        /** Every record read so far that matches, after polling for {@code settle} more. */
        public List<ConsumerRecord<String, byte[]>> all(Predicate<ConsumerRecord<String, byte[]>> match, Duration settle) {
            long deadline = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return seen.stream().filter(match).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
