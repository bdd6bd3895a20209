package com.supportchat.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.supportchat.events.Topics;

/**
 * The operator's replay: puts the records of {@code <topic>.DLT} back on {@code <topic>}, with their key, value and
 * original headers (the {@code x-dlt-*} headers are dropped), from where the last replay stopped to the end the
 * topic had when this one started. Progress is the consumer group {@value #GROUP}'s committed offsets, committed after
 * the broker acknowledged each poll's records, so a replay that dies half-way resumes without skipping anything and
 * {@link DeadLetterDepth} counts what is left.
 *
 * <p>Replaying is safe: every consumer records the event ids it applied ({@code processed_event}) and drops an event
 * it has seen, so the consumers that had applied a replayed event ignore it and only the one that gave up applies it.
 * A replayed event arrives after the events its key got since, so fix the cause first and check that the handler
 * accepts a late event (state-based upserts do). An event that fails again goes back to the dead-letter topic.
 *
 * <p>Run with Kafka's client on the class path: {@code deploy/local/replay-dead-letters <topic>}, or
 * {@code java -cp <kafka-clients, slf4j, supportchat-events and supportchat-messaging jars>
 * com.supportchat.messaging.DeadLetterReplay <topic> [bootstrap-servers]}.
 */
public final class DeadLetterReplay {

    /** The consumer group whose committed offsets say how far the dead-letter topics were replayed. */
    public static final String GROUP = "supportchat-dlt-replay";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || args[0].endsWith(Topics.deadLetterOf(""))) {
            throw new IllegalArgumentException(
                    "usage: DeadLetterReplay <topic, without .DLT> [bootstrap-servers, default $KAFKA_BOOTSTRAP_SERVERS or localhost:9092]");
        }
        String bootstrap = args.length == 2 ? args[1]
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        long replayed = replay(bootstrap, args[0]);
        log.info("Replayed {} records from {} to {}", replayed, Topics.deadLetterOf(args[0]), args[0]);
    }

    /** Replays what {@code <topic>.DLT} holds beyond the last replay; returns how many records went back. */
    public static long replay(String bootstrapServers, String topic) throws InterruptedException, ExecutionException {
        String deadLetterTopic = Topics.deadLetterOf(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(deadLetterTopic, info.partition()))
                .toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                }
                else {
                    consumer.seek(partition, done.offset());
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long replayed = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                List<Future<?>> acks = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    acks.add(producer.send(original(topic, record)));
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                for (Future<?> ack : acks) {
                    ack.get();
                }
                if (!progress.isEmpty()) {
                    consumer.commitSync(progress);
                }
                replayed += acks.size();
            }
            return replayed;
        }
    }

    private static ProducerRecord<byte[], byte[]> original(String topic, ConsumerRecord<byte[], byte[]> parked) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, parked.key(), parked.value());
        for (Header header : parked.headers()) {
            if (!header.key().startsWith(DeadLetters.PREFIX)) {
                record.headers().add(header);
            }
        }
        return record;
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
