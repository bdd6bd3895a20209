package com.supportchat.ai.it;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.MessageReceived;
import com.supportchat.events.PublishedEvent;
import com.supportchat.messaging.CloudEventHeaders;
import com.supportchat.testsupport.KafkaTestBroker;
import com.supportchat.testsupport.ServiceInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every integration test: one Spring context (same configuration everywhere, so the test framework
 * caches and shares it), the real in-process Kafka broker and a fresh PostgreSQL database. Helpers publish
 * CloudEvents the way other services do and read what this service published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "supportchat.ai.openai.api-key=", "supportchat.messaging.consumer-backoff=50ms",
        // the fake models of the tests listen on localhost: a self-hosted endpoint the deployment allows by name
        "supportchat.ai.openai.allowed-private-hosts=localhost",
        "supportchat.ai.replies.sweep-every=500ms" })
abstract class IntegrationTest {

    private static KafkaProducer<String, byte[]> producer;

    /** What this service published on the topics a test listens to, as it arrives. */
    private KafkaConsumer<String, byte[]> output;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        ServiceInfrastructure.register(r, "ai-responder-service");
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Reads what this service publishes on {@code topics} from now on (from the beginning, filtered by key). */
    void listenTo(String... topics) {
        output = reader(topics);
    }

    @AfterEach
    void stopListening() {
        if (output != null) {
            output.close();
            output = null;
        }
        seen.clear();
    }

    /** The first record of {@code conversation} on {@code topic}, waiting up to 30 s for it. */
    ConsumerRecord<String, byte[]> awaitOne(String conversation, String topic) {
        return await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            poll(output, seen);
            return seen.stream().filter(r -> conversation.equals(r.key()) && r.topic().equals(topic)).findFirst()
                .orElse(null);
        }, record -> record != null);
    }

    /** Every record of {@code conversation} published so far. */
    List<ConsumerRecord<String, byte[]>> recordsFor(String conversation) {
        poll(output, seen);
        return seen.stream().filter(r -> conversation.equals(r.key())).toList();
    }

    /** A WebTestClient on the application, authenticated as an operator of {@code org} with {@code role}. */
    WebTestClient as(String org, String role) {
        return WebTestClient.bindToApplicationContext(context)
            .apply(SecurityMockServerConfigurers.springSecurity())
            .configureClient()
            .responseTimeout(Duration.ofSeconds(30))
            .build()
            .mutateWith(SecurityMockServerConfigurers.mockJwt()
                .jwt(jwt -> jwt.subject("op-1").claim("org", org).claim("roles", List.of(role)).audience(
                        List.of("supportchat-console")))
                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        "ROLE_" + role.toUpperCase())));
    }

    WebTestClient anonymous() {
        return WebTestClient.bindToApplicationContext(context)
            .apply(SecurityMockServerConfigurers.springSecurity())
            .configureClient()
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    MessageReceived visitorMessage(String org, String conversation, long seq, String text) {
        return new MessageReceived(newId("msg"), conversation, org, seq, AuthorType.VISITOR, "visitor-1", "Visitor", text,
                newId("client"), ConversationStatus.UNRESOLVED, Instant.now());
    }

    /** Publishes like another service's outbox relay: CloudEvents binary mode, keyed by subject. */
    void publish(PublishedEvent event) {
        publish(event, UUID.randomUUID().toString());
    }

    void publish(PublishedEvent event, String eventId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.subject(),
                json.writeValueAsBytes(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, "/it");
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.SUBJECT, event.subject());
        header(record, CloudEventHeaders.ORG_ID, event.orgId());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        try {
            producer().send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                    ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Reads a topic from the beginning, without a consumer group. */
    static KafkaConsumer<String, byte[]> reader(String... topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Polls once and keeps every record. */
    static List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> consumer,
            List<ConsumerRecord<String, byte[]>> into) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            into.add(record);
        }
        return into;
    }

    <T> T data(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return json.readValue(record.value(), type);
    }
}
