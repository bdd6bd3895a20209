package com.supportchat.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.testsupport.CloudEventTestClient;
import com.supportchat.testsupport.KafkaTestBroker;
import com.supportchat.testsupport.ServiceInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The library's promises on the real PostgreSQL and the real Kafka broker: an event leaves only with its
 * committed state change, arrives as a CloudEvent, is applied once however often it is delivered, in
 * order per key, and a poison or failing event ends on the dead-letter topic without blocking the rest. Poison
 * cannot stall a service: a row Kafka refuses is parked and the rows behind it go out. Infrastructure is not poison:
 * an event that fails only because the database is away waits for it and is applied, never dead-lettered.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
class MessagingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static CloudEventTestClient kafka;

    @Autowired
    private Outbox outbox;

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private TransactionalOperator tx;

    @Autowired
    private DatabaseClient db;

    @Autowired
    private MessagingTestApplication.ThingHandlers listener;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private ProcessedEventPruner pruner;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceInfrastructure.register(registry, "messaging");
    }

    @BeforeAll
    static void connect() {
        kafka = new CloudEventTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @BeforeEach
    void listenersOwnTheirPartitions() {
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
            .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
    }

    @AfterEach
    void databaseBack() {
        listener.databaseDown.set(false);
        listener.broken.set(false);
    }

    @Test
    void committedEventIsPublishedAsACloudEventKeyedBySubject() {
        String key = "k-" + UUID.randomUUID();
        tx.transactional(outbox.publish(new ThingHappened(key, "org-1", 1, "ok"))).block(Duration.ofSeconds(10));

        try (CloudEventTestClient.Reader reader = CloudEventTestClient.reader(ThingHappened.TOPIC)) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(CloudEventTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(CloudEventTestClient.header(record, "ce_type")).isEqualTo(ThingHappened.TYPE);
            assertThat(CloudEventTestClient.header(record, "ce_source")).isEqualTo("/messaging-test");
            assertThat(CloudEventTestClient.header(record, "ce_subject")).isEqualTo(key);
            assertThat(CloudEventTestClient.header(record, "ce_orgid")).isEqualTo("org-1");
            assertThat(CloudEventTestClient.header(record, "ce_id")).isNotBlank();
            assertThat(CloudEventTestClient.header(record, "ce_time")).isNotBlank();
            assertThat(CloudEventTestClient.header(record, "content-type")).isEqualTo("application/json");
            assertThat(CloudEventTestClient.value(record)).contains("\"number\":1");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(key) == 1);
        assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE subject = :key AND published_at IS NOT NULL")
            .bind("key", key).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void rolledBackStateChangePublishesNothing() {
        String key = "rollback-" + UUID.randomUUID();
        Mono<Void> failing = outbox.publish(new ThingHappened(key, "org-1", 1, "ok"))
            .then(Mono.error(new IllegalStateException("the state change failed")));
        try {
            tx.transactional(failing).block(Duration.ofSeconds(10));
        }
        catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE subject = :key").bind("key", key)
            .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void anEventDeliveredThreeTimesIsAppliedOnce() {
        String key = "dup-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String json = "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":7,\"behaviour\":\"ok\"}".formatted(key);
        for (int i = 0; i < 3; i++) {
            kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1", json, id);
        }
        kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1",
                "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":8,\"behaviour\":\"ok\"}".formatted(key));
        // same key, same partition, in order: once the later event is applied, the duplicates were handled
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedNumber(key, 8) == 1);
        assertThat(appliedNumber(key, 7)).isEqualTo(1);
    }

    @Test
    void eventsOfOneKeyAreAppliedInOrder() {
        String key = "order-" + UUID.randomUUID();
        for (int n = 1; n <= 30; n++) {
            kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1",
                    "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":%d,\"behaviour\":\"ok\"}".formatted(key, n));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(key) == 30);
        List<Integer> order = db.sql("SELECT number FROM applied_thing WHERE thing_key = :key ORDER BY id")
            .bind("key", key).map(row -> row.get("number", Integer.class)).all().collectList().block();
        assertThat(order).isSorted().hasSize(30);
    }

    @Test
    void aFailingEventIsRetriedABoundedNumberOfTimesThenParkedWithoutBlockingTheKey() {
        String key = "fail-" + UUID.randomUUID();
        String failingId = kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1",
                "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":1,\"behaviour\":\"always-fail\"}".formatted(key));
        kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1",
                "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":2,\"behaviour\":\"ok\"}".formatted(key));

        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            ConsumerRecord<String, byte[]> parked = dlt.await(r -> failingId.equals(CloudEventTestClient.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(CloudEventTestClient.header(parked, "x-dlt-consumer")).isEqualTo("test.thing-happened");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-exception")).contains("the downstream is broken");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-original")).startsWith(ThingHappened.TOPIC + "-");
            assertThat(parked.key()).isEqualTo(key);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedNumber(key, 2) == 1);
        // 4 attempts (consumer-attempts default) for the failing event, 1 for the good one; one more if both came in
        // one poll: the batch's attempt, rolled back before they were applied one by one
        assertThat(listener.attemptsOf(key)).isBetween(5, 6);
        assertThat(appliedNumber(key, 1)).isZero();
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopicAtOnce() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers", com.supportchat.testsupport.KafkaTestBroker.bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(ThingHappened.TOPIC, key,
                    "not a cloud event".getBytes())).get();
        }
        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            ConsumerRecord<String, byte[]> parked = dlt.await(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(CloudEventTestClient.header(parked, "x-dlt-exception")).contains("PoisonEventException");
        }
        assertThat(listener.attemptsOf(key)).isZero();
    }

    @Test
    void aRowTooLargeForKafkaIsParkedAndTheRowsBehindItArePublished() {
        String key = "huge-" + UUID.randomUUID();
        double parkedBefore = meters.counter("supportchat.outbox.parked").count();
        // over the producer's max.request.size (1 MiB): Kafka refuses it however often it is sent
        String huge = "x".repeat(1_200_000);
        tx.transactional(outbox.publish(new ThingHappened(key, "org-1", 1, huge))).block(WAIT);
        tx.transactional(outbox.publish(new ThingHappened(key, "org-1", 2, "ok"))).block(WAIT);
        relay.wakeUp();

        await().atMost(WAIT).until(() -> appliedNumber(key, 2) == 1);
        await().atMost(WAIT).until(() -> parkedRows(key) == 1);
        String reason = db.sql("SELECT last_error FROM outbox WHERE subject = :key AND parked_at IS NOT NULL")
            .bind("key", key).map(row -> row.get("last_error", String.class)).one().block(WAIT);
        assertThat(reason).contains("RecordTooLargeException");
        assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE subject = :key AND published_at IS NOT NULL")
            .bind("key", key).map(row -> row.get("n", Long.class)).one().block(WAIT)).isEqualTo(1L);
        assertThat(meters.counter("supportchat.outbox.parked").count() - parkedBefore).isEqualTo(1.0);
        assertThat(appliedNumber(key, 1)).isZero();
    }

    @Test
    void anEventThatFailsWhileTheDatabaseIsDownIsAppliedWhenItIsBackAndNeverDeadLettered() {
        String key = "outage-" + UUID.randomUUID();
        listener.databaseDown.set(true);
        int before = listener.attemptsDuringOutage.get();
        String eventId = kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1",
                "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":1,\"behaviour\":\"needs-database\"}".formatted(key));

        // well past the attempts a refused event gets (consumer-attempts: 4), the event still waits
        await().atMost(WAIT).until(() -> listener.attemptsDuringOutage.get() - before >= 8);
        assertThat(meters.get("supportchat.events.waiting").gauge().value()).isEqualTo(1.0);
        assertThat(appliedNumber(key, 1)).isZero();
        listener.databaseDown.set(false);

        await().atMost(WAIT).until(() -> appliedNumber(key, 1) == 1);
        await().atMost(WAIT).until(() -> meters.get("supportchat.events.waiting").gauge().value() == 0.0);

        // a poison event of another key, sent afterwards, reaches the dead-letter topic; the waiting one never did
        String poisonKey = "poison-" + UUID.randomUUID();
        String poisonId = kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, poisonKey, "org-1",
                "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":\"not a number\"}".formatted(poisonKey));
        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            ConsumerRecord<String, byte[]> parked = dlt.await(r -> poisonId.equals(CloudEventTestClient.header(r, "ce_id")),
                    WAIT);
            assertThat(parked.key()).isEqualTo(poisonKey);
            assertThat(CloudEventTestClient.header(parked, "ce_type")).isEqualTo(ThingHappened.TYPE);
            assertThat(CloudEventTestClient.header(parked, "x-dlt-consumer")).isEqualTo("test.thing-happened");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-exception")).startsWith("PoisonEventException: ");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-original")).startsWith(ThingHappened.TOPIC + "-");
            assertThat(parked.headers().toArray()).noneMatch(header -> header.key().startsWith("kafka_dlt"));
            assertThat(dlt.all(r -> eventId.equals(CloudEventTestClient.header(r, "ce_id")), Duration.ZERO)).isEmpty();
        }
        await().atMost(WAIT).until(() -> meters.find("supportchat.events.dead-letters")
            .tag("topic", ThingHappened.TOPIC + ".DLT").gauge() != null
                && meters.get("supportchat.events.dead-letters").tag("topic", ThingHappened.TOPIC + ".DLT").gauge()
                    .value() >= 1);
    }

    @Test
    void thePollsEventsAreAppliedInOneTransactionInOrderPerKeyAndDuplicatesOnce() {
        String a = "batch-a-" + UUID.randomUUID();
        String b = "batch-b-" + UUID.randomUUID();
        String duplicateId = UUID.randomUUID().toString();
        double batchesBefore = counter("supportchat.events.batches", "outcome", "committed");
        double oneByOneBefore = counter("supportchat.events.batches", "outcome", "one-by-one");
        withContainersPaused(() -> {
            for (int n = 1; n <= 20; n++) {
                sendThing(a, n, "ok");
                sendThing(b, n, "ok");
            }
            kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, a, "org-1", thing(a, 21, "ok"), duplicateId);
            kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, a, "org-1", thing(a, 21, "ok"), duplicateId);
        });

        await().atMost(WAIT).until(() -> applied(a) == 21 && applied(b) == 20);
        assertThat(numbers(a)).containsExactlyElementsOf(IntStream.rangeClosed(1, 21).boxed().toList());
        assertThat(numbers(b)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(counter("supportchat.events.batches", "outcome", "committed")).isGreaterThan(batchesBefore);
        assertThat(counter("supportchat.events.batches", "outcome", "one-by-one")).isEqualTo(oneByOneBefore);

        // the next poll's events of the same key come after this one's
        sendThing(a, 22, "ok");
        await().atMost(WAIT).until(() -> applied(a) == 22);
        assertThat(numbers(a)).isSorted();
    }

    @Test
    void aPoisonEventInABatchIsParkedWhileTheOthersOfTheBatchAreAppliedOnce() {
        String key = "batch-poison-" + UUID.randomUUID();
        String other = "batch-other-" + UUID.randomUUID();
        double oneByOneBefore = counter("supportchat.events.batches", "outcome", "one-by-one");
        String[] poisonId = new String[1];
        withContainersPaused(() -> {
            sendThing(key, 1, "ok");
            sendThing(other, 1, "ok");
            poisonId[0] = kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1",
                    "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":\"not a number\"}".formatted(key));
            sendThing(key, 3, "ok");
            sendThing(other, 2, "ok");
        });

        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            ConsumerRecord<String, byte[]> parked = dlt.await(r -> poisonId[0].equals(CloudEventTestClient.header(r, "ce_id")),
                    WAIT);
            assertThat(parked.key()).isEqualTo(key);
            assertThat(CloudEventTestClient.header(parked, "x-dlt-consumer")).isEqualTo("test.thing-happened");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-exception")).startsWith("PoisonEventException: ");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-original")).startsWith(ThingHappened.TOPIC + "-");
            assertThat(parked.headers().toArray()).noneMatch(header -> header.key().startsWith("kafka_dlt"));
        }
        await().atMost(WAIT).until(() -> applied(key) == 2 && applied(other) == 2);
        assertThat(numbers(key)).containsExactly(1, 3);
        assertThat(numbers(other)).containsExactly(1, 2);
        assertThat(counter("supportchat.events.batches", "outcome", "one-by-one")).isGreaterThan(oneByOneBefore);
    }

    @Test
    void anInfrastructureFailureInABatchIsRetriedUntilItPassesAndNeverDeadLettered() {
        String key = "batch-outage-" + UUID.randomUUID();
        listener.databaseDown.set(true);
        int before = listener.attemptsDuringOutage.get();
        String[] waitingId = new String[1];
        withContainersPaused(() -> {
            sendThing(key, 1, "ok");
            waitingId[0] = kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1", thing(key, 2, "needs-database"));
            sendThing(key, 3, "ok");
        });

        await().atMost(WAIT).until(() -> listener.attemptsDuringOutage.get() - before >= 8);
        // the event before it is applied (one by one after the batch rolled back); the one after it waits its turn
        assertThat(numbers(key)).containsExactly(1);
        listener.databaseDown.set(false);

        await().atMost(WAIT).until(() -> applied(key) == 3);
        assertThat(numbers(key)).containsExactly(1, 2, 3);
        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            assertThat(dlt.all(r -> waitingId[0].equals(CloudEventTestClient.header(r, "ce_id")), Duration.ofSeconds(2)))
                .isEmpty();
        }
    }

    @Test
    void recordsOfATypeNoHandlerWantsAreSkippedWithoutDecoding() {
        String key = "other-type-" + UUID.randomUUID();
        double skippedBefore = counter("supportchat.events.skipped", "topic", ThingHappened.TOPIC);
        String otherId = kafka.send(ThingHappened.TOPIC, "com.supportchat.test.something-else.v1", key, "org-1",
                "this is not JSON, and no handler here reads it");
        sendThing(key, 1, "ok");

        await().atMost(WAIT).until(() -> applied(key) == 1);
        assertThat(listener.attemptsOf(key)).isEqualTo(1);
        assertThat(counter("supportchat.events.skipped", "topic", ThingHappened.TOPIC)).isGreaterThan(skippedBefore);
        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            assertThat(dlt.all(r -> otherId.equals(CloudEventTestClient.header(r, "ce_id")), Duration.ofSeconds(2)))
                .isEmpty();
        }
    }

    @Test
    void aReplayedDeadLetterIsAppliedOnceTheCauseIsFixed() throws Exception {
        String key = "replay-" + UUID.randomUUID();
        listener.broken.set(true);
        String id = kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1", thing(key, 1, "needs-fix"));
        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(ThingHappened.TOPIC + ".DLT")) {
            dlt.await(r -> id.equals(CloudEventTestClient.header(r, "ce_id")), WAIT);
        }
        assertThat(applied(key)).isZero();
        listener.broken.set(false);

        long replayed = DeadLetterReplay.replay(KafkaTestBroker.bootstrapServers(), ThingHappened.TOPIC);

        assertThat(replayed).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> applied(key) == 1);
        try (CloudEventTestClient.Reader topic = CloudEventTestClient.reader(ThingHappened.TOPIC)) {
            List<ConsumerRecord<String, byte[]>> copies = topic.all(r -> id.equals(CloudEventTestClient.header(r, "ce_id")),
                    Duration.ofSeconds(2));
            assertThat(copies).hasSize(2);
            // the replayed copy is the original event: same key and attributes, none of the dead-letter headers
            assertThat(copies.get(1).key()).isEqualTo(key);
            assertThat(copies.get(1).headers().toArray()).noneMatch(header -> header.key().startsWith("x-dlt-"));
        }
    }

    @Test
    void theRelayPublishesABatchOfRowsInOrderPerKey() {
        String key = "relay-batch-" + UUID.randomUUID();
        double publishedBefore = meters.counter("supportchat.outbox.published").count();
        tx.transactional(Flux.range(1, 50).concatMap(n -> outbox.publish(new ThingHappened(key, "org-1", n, "ok")))
            .then()).block(WAIT);
        relay.wakeUp();

        await().atMost(WAIT).until(() -> applied(key) == 50);
        assertThat(numbers(key)).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(meters.counter("supportchat.outbox.published").count() - publishedBefore).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aListenerThatThrowsIsDeadLetteredByTheContainerWithTheSameHeaders() {
        String key = "raw-" + UUID.randomUUID();
        String id = kafka.send(MessagingTestApplication.RawListener.TOPIC, ThingHappened.TYPE, key, "org-1",
                thing(key, 1, "ok"));
        try (CloudEventTestClient.Reader dlt = CloudEventTestClient.reader(MessagingTestApplication.RawListener.TOPIC + ".DLT")) {
            ConsumerRecord<String, byte[]> parked = dlt.await(r -> id.equals(CloudEventTestClient.header(r, "ce_id")), WAIT);
            assertThat(parked.key()).isEqualTo(key);
            assertThat(CloudEventTestClient.header(parked, "x-dlt-consumer")).isEqualTo("messaging-test-raw");
            assertThat(CloudEventTestClient.header(parked, "x-dlt-exception")).contains("this listener cannot read " + key);
            assertThat(CloudEventTestClient.header(parked, "x-dlt-original"))
                .startsWith(MessagingTestApplication.RawListener.TOPIC + "-0@");
            assertThat(parked.headers().toArray()).noneMatch(header -> header.key().startsWith("kafka_dlt"));
        }
    }

    /** Holds the handlers' consumers while {@code sending} runs, so that what it sends arrives in one poll. */
    private void withContainersPaused(Runnable sending) {
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
            .allMatch(MessageListenerContainer::isContainerPaused));
        try {
            sending.run();
        }
        finally {
            listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        }
    }

    private void sendThing(String key, int number, String behaviour) {
        kafka.send(ThingHappened.TOPIC, ThingHappened.TYPE, key, "org-1", thing(key, number, behaviour));
    }

    private static String thing(String key, int number, String behaviour) {
        return "{\"key\":\"%s\",\"orgId\":\"org-1\",\"number\":%d,\"behaviour\":\"%s\"}".formatted(key, number,
                behaviour);
    }

    private List<Integer> numbers(String key) {
        return db.sql("SELECT number FROM applied_thing WHERE thing_key = :key ORDER BY id")
            .bind("key", key).map(row -> row.get("number", Integer.class)).all().collectList().block(WAIT);
    }

    private double counter(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long parkedRows(String key) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE subject = :key AND parked_at IS NOT NULL")
            .bind("key", key).map(row -> row.get("n", Long.class)).one().block(WAIT);
    }

    private long applied(String key) {
        return db.sql("SELECT count(*) AS n FROM applied_thing WHERE thing_key = :key").bind("key", key)
            .map(row -> row.get("n", Long.class)).one().block();
    }

    private long appliedNumber(String key, int number) {
        return db.sql("SELECT count(*) AS n FROM applied_thing WHERE thing_key = :key AND number = :number")
            .bind("key", key).bind("number", number).map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void processedEventRecordsOlderThanTheRetentionAreForgotten() {
        for (int i = 0; i < 3; i++) {
            db.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('prune-test', :id, now() - interval '8 days')")
                .bind("id", "old-" + i).then().block(Duration.ofSeconds(5));
        }
        db.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('prune-test', 'fresh', now() - interval '6 days')")
            .then().block(Duration.ofSeconds(5));

        assertThat(pruner.prune().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(3);

        assertThat(db.sql("SELECT event_id FROM processed_event WHERE consumer = 'prune-test'")
            .map(row -> row.get("event_id", String.class)).all().collectList().block(Duration.ofSeconds(5)))
            .containsExactly("fresh");
    }
}
