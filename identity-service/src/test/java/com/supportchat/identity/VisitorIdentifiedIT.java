package com.supportchat.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.Topics;
import com.supportchat.testsupport.KafkaTestBroker;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VisitorIdentifiedIT extends IdentityIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void verifiedSessionPublishesVisitorIdentifiedWithProfileAndCloudEventHeaders() {
        DemoOrg org = newOrg();
        Map<String, Object> contact = authenticateUser(org.apiKey(),
                Map.of("userId", "kafka-user", "name", "Kay", "customData", Map.of("tier", "vip"), "externalId", "acct-9"));
        Map<String, Object> session = startSession(Map.of("widgetToken", org.widgetToken(),
                "userToken", contact.get("token"), "externalId", "acct-9",
                "user", Map.of("extra", Map.of("cart", "3 items")),
                "metadata", Map.of("browser", "Safari", "timezone", "UTC", "referrer", "https://google.example",
                        "pageUrl", "https://shop.example/help", "locale", "en-GB")));
        String owner = "contact:" + contact.get("contactId") + "#acct-9";

        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.VISITOR_IDENTIFIED));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).anyMatch(record -> owner.equals(record.key()));
            });
        }
        ConsumerRecord<String, byte[]> record = received.stream().filter(r -> owner.equals(r.key())).findFirst().orElseThrow();

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("com.supportchat.identity.visitor-identified.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/identity-service");
        assertThat(header(record, "ce_subject")).isEqualTo(owner);
        assertThat(header(record, "ce_orgid")).isEqualTo(org.orgId());
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();

        Map<String, Object> event = json.readValue(record.value(), IdentityIntegrationTest.JSON_MAP);
        assertThat(event).containsEntry("orgId", org.orgId()).containsEntry("customerKey", owner)
            .containsEntry("contactId", contact.get("contactId")).containsEntry("externalId", "acct-9")
            .containsEntry("identityType", "VERIFIED").containsEntry("name", "Kay")
            .containsEntry("visitorId", map(session.get("identity")).get("visitorId"));
        assertThat(map(event.get("trustedData"))).containsEntry("tier", "vip");
        assertThat(map(event.get("untrustedData"))).containsEntry("cart", "3 items");
        assertThat(map(event.get("metadata"))).containsEntry("browser", "Safari").containsEntry("timezone", "UTC")
            .containsEntry("referrer", "https://google.example").containsEntry("pageUrl", "https://shop.example/help")
            .containsEntry("locale", "en-GB");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "visitor-identified-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}
