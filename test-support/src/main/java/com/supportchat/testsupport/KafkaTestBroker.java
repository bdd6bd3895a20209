package com.supportchat.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (Apache Kafka's KRaft test kit, in this JVM) shared by every test of the JVM,
 * started on first use and stopped when the JVM exits.
 */
public final class KafkaTestBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private KafkaTestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
            started.brokerProperty("auto.create.topics.enable", "true");
            started.brokerProperty("group.initial.rebalance.delay.ms", "0");
            started.brokerProperty("offsets.topic.num.partitions", "3");
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-test-broker-stop"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
