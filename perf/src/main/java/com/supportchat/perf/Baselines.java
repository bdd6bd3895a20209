package com.supportchat.perf;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The physical limits of this machine, measured the same way the hot path is. */
final class Baselines {

    private Baselines() {
    }

    /** Produce -> consume on a fresh one-partition topic: acks=all, idempotent, linger 0. */
    static Lat kafka(String bootstrap, double rate, int seconds) throws Exception {
        String topic = "perf-baseline-" + System.currentTimeMillis();
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Lat lat = new Lat();
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Properties pp = new Properties();
            pp.putAll(common);
            pp.put(ProducerConfig.ACKS_CONFIG, "all");
            pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            Properties cp = new Properties();
            cp.putAll(common);
            cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            cp.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
            long n = (long) (rate * seconds);
            AtomicLong received = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            TopicPartition tp = new TopicPartition(topic, 0);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp);
                    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp)) {
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                consumer.position(tp);
                // warm-up: metadata and the idempotent producer id
                producer.send(new ProducerRecord<>(topic, new byte[8])).get(30, TimeUnit.SECONDS);
                Thread poller = new Thread(() -> {
                    while (!stop.get()) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            long sent = ByteBuffer.wrap(r.value()).getLong();
                            if (sent != 0) {
                                lat.record(sent, now);
                                received.incrementAndGet();
                            }
                        }
                    }
                }, "kafka-baseline-consumer");
                poller.start();
                Thread.sleep(500);
                Bench.pace(rate, n, t -> {
                    long now = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(8).putLong(now).array()));
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (received.get() < n && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                stop.set(true);
                poller.join(5000);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
        return lat;
    }

    /** Single-row INSERT + COMMIT on its own table in a scratch database. */
    static Lat postgres(String host, int port, String user, String password, double rate, int seconds) throws Exception {
        String db = "supportchat_perf_scratch";
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
                Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + db);
                }
            }
        }
        Lat lat = new Lat();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password)) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS perf_insert");
                st.execute("CREATE TABLE perf_insert (id bigserial PRIMARY KEY, conversation_id uuid NOT NULL, "
                        + "seq bigint NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            }
            c.setAutoCommit(false);
            long n = (long) (rate * seconds);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO perf_insert (conversation_id, seq, body) VALUES (?, ?, ?)")) {
                AtomicLong seq = new AtomicLong();
                Bench.pace(rate, n, t -> {
                    try {
                        long start = System.nanoTime();
                        ps.setObject(1, java.util.UUID.randomUUID());
                        ps.setLong(2, seq.incrementAndGet());
                        ps.setString(3, "How much is the Team plan? (ref " + seq.get() + ")");
                        ps.executeUpdate();
                        c.commit();
                        lat.record(start, System.nanoTime());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE perf_insert");
            }
        }
        return lat;
    }

    /** A bare reactor-netty server pushing SSE events to one client read by the benchmark's own SSE reader. */
    static Lat nettySse(Net net, double rate, int seconds) throws Exception {
        Sinks.Many<String> hub = Sinks.many().multicast().directBestEffort();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
            .route(r -> r.get("/sse", (req, res) -> res.header("Content-Type", "text/event-stream")
                .sendString(Flux.concat(Mono.just(":connected\n\n"),
                        hub.asFlux().map(d -> "event:message\nid:1\ndata:" + d + "\n\n")))))
            .bindNow();
        Lat lat = new Lat();
        try {
            Net.Stream s = net.sse("http://127.0.0.1:" + server.port() + "/sse", null, null, ev -> {
                Map<?, ?> m = Bench.JSON.readValue(ev.data(), Map.class);
                lat.record(((Number) m.get("t")).longValue(), ev.arrivedNs());
            });
            s.opened.get(10, TimeUnit.SECONDS);
            long n = (long) (rate * seconds);
            AtomicLong i = new AtomicLong();
            Bench.pace(rate, n, t -> {
                long now = System.nanoTime();
                hub.emitNext("{\"id\":" + i.incrementAndGet() + ",\"t\":" + now + ",\"text\":\"How much is the Team plan?\"}",
                        Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lat.count() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            s.close();
        } finally {
            server.disposeNow(Duration.ofSeconds(5));
        }
        return lat;
    }
}
