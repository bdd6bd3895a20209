package com.supportchat.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.events.Topics;

/**
 * Measures the dead-letter topics of the topics this service listens to, as the gauge
 * {@code supportchat.events.dead-letters{topic=<topic>.DLT}}: per partition, the end offset minus how far
 * {@link DeadLetterReplay} has replayed (its consumer group's committed offset), or minus the log start offset where
 * it never ran. So it counts the records parked and not yet replayed that the broker still keeps (retention deletes
 * older ones). A dead-letter topic is shared by every consumer group of its topic: services listening to the same
 * topic report the same number, and the {@code x-dlt-consumer} header of each record says whose it is.
 */
class DeadLetterDepth extends PeriodicWork {

    private final Map<String, Object> adminConfig;
    private volatile Admin admin;
    private final Supplier<Collection<String>> listenedTopics;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    DeadLetterDepth(Map<String, Object> adminConfig, Supplier<Collection<String>> listenedTopics, MeterRegistry meters,
            MessagingProperties properties) {
        super("Measuring the dead-letter topics", properties.deadLetterDepthEvery());
        this.adminConfig = adminConfig;
        this.listenedTopics = listenedTopics;
        this.meters = meters;
    }

    @Override
    protected Mono<Void> runOnce() {
        Set<String> deadLetterTopics = new TreeSet<>();
        listenedTopics.get().forEach(topic -> deadLetterTopics.add(Topics.deadLetterOf(topic)));
        return Flux.fromIterable(deadLetterTopics).concatMap(this::measure).then();
    }

    private Mono<Void> measure(String deadLetterTopic) {
        Admin client = admin();
        return from(client.describeTopics(List.of(deadLetterTopic)).allTopicNames())
            .map(described -> partitions(described.get(deadLetterTopic)))
            .flatMap(partitions -> Mono.zip(offsets(client, partitions, OffsetSpec.latest()),
                    offsets(client, partitions, OffsetSpec.earliest()), replayed(client, partitions))
                .map(found -> {
                    long depth = 0;
                    for (TopicPartition partition : partitions) {
                        long end = found.getT1().get(partition);
                        long start = found.getT2().get(partition);
                        OffsetAndMetadata done = found.getT3().get(partition);
                        depth += end - Math.max(start, done == null ? start : done.offset());
                    }
                    return depth;
                }))
            .doOnNext(depth -> gauge(deadLetterTopic).set(depth))
            .then();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public void stop() {
        super.stop();
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    private AtomicLong gauge(String deadLetterTopic) {
        return depths.computeIfAbsent(deadLetterTopic, topic -> {
            AtomicLong depth = new AtomicLong();
            Gauge.builder("supportchat.events.dead-letters", depth, AtomicLong::get)
                .description("records on the dead-letter topic not yet replayed")
                .tag("topic", topic)
                .register(meters);
            return depth;
        });
    }

    private static List<TopicPartition> partitions(TopicDescription description) {
        return description.partitions().stream()
            .map(info -> new TopicPartition(description.name(), info.partition()))
            .toList();
    }

    private static Mono<Map<TopicPartition, Long>> offsets(Admin client, List<TopicPartition> partitions,
            OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return from(client.listOffsets(request).all()).map(result -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            result.forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        });
    }

    private static Mono<Map<TopicPartition, OffsetAndMetadata>> replayed(Admin client,
            List<TopicPartition> partitions) {
        return from(client.listConsumerGroupOffsets(DeadLetterReplay.GROUP).partitionsToOffsetAndMetadata())
            .map(offsets -> {
                Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
                partitions.forEach(partition -> {
                    if (offsets.get(partition) != null) {
                        mine.put(partition, offsets.get(partition));
                    }
                });
                return mine;
            });
    }

    private static <T> Mono<T> from(KafkaFuture<T> future) {
        return Mono.fromCompletionStage(future.toCompletionStage());
    }
}
