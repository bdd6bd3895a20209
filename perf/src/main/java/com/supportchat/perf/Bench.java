package com.supportchat.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of issue 8. Measures the platform's hot path on the local run (127.0.0.1 only) next to
 * this machine's Kafka, PostgreSQL and bare Netty SSE baselines, and writes {@code PERF_OUT} (default
 * docs/perf/: README.md, results.json, PNG plots). {@code PERF_PHASES} picks the phases ({@link #PHASES}).
 * Every loop is bounded by a configured duration or count.
 */
public final class Bench {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Questions the demo knowledge base answers; a unique reference keeps the repeat detector quiet. */
    private static final String[] QUESTIONS = {
        "How much is the Team plan?",
        "How do I reset my password?",
        "How much does shipping cost?",
        "What is your return policy?",
        "How can I track my order?",
        "What does the Enterprise plan include?",
    };

    final Config cfg;
    final Net net = new Net();
    final Map<String, Object> results = new LinkedHashMap<>();
    final List<String> notes = new CopyOnWriteArrayList<>();
    final AtomicLong textSeq = new AtomicLong();

    /** Messages in flight, by clientMessageId. */
    final Map<String, Pending> pending = new ConcurrentHashMap<>();

    String operatorToken;
    String orgId;

    /** Every phase, in the order a run measures them ({@code PERF_PHASES} picks a subset). */
    static final List<String> PHASES = List.of("baselines", "hot", "stub", "sweep", "gateway", "fanout", "idle");

    Bench(Config cfg) {
        this.cfg = cfg;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean reportOnly = args.length > 0 && args[0].equals("--report-only");
        Config cfg;
        try {
            cfg = Config.fromEnv(!reportOnly);
        } catch (IllegalArgumentException e) {
            System.err.println("perf: " + e.getMessage());
            System.exit(2);
            return;
        }
        Bench b = new Bench(cfg);
        int code = 0;
        try {
            if (reportOnly) {
                // rewrite README.md and the plots from the last run's results.json (template changes)
                b.results.putAll(JSON.readValue(cfg.out().resolve("results.json").toFile(), LinkedHashMap.class));
                Report.write(b);
                return;
            }
            b.run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            b.net.close();
        }
        System.exit(code);
    }

    // ------------------------------------------------------------------------------------------------
    // the run

    void run() throws Exception {
        Instant started = Instant.now();
        results.put("machine", Machine.facts(cfg.root()));
        results.put("config", cfg.asMap());
        results.put("phases", List.copyOf(cfg.phases()));
        log("machine: %s", results.get("machine"));
        log("phases: %s; output: %s", cfg.phases(), cfg.out());

        if (cfg.runs("baselines")) {
            Map<String, Object> baselines = new LinkedHashMap<>();
            results.put("baselines", baselines);
            log("baseline: Kafka produce -> consume (%s/s for %ds)", cfg.baselineRate(), cfg.baselineSeconds());
            baselines.put("kafka", Baselines.kafka(cfg.kafka(), cfg.baselineRate(), cfg.baselineSeconds()).summary());
            log("  %s", baselines.get("kafka"));
            log("baseline: PostgreSQL insert + commit");
            baselines.put("postgres", Baselines.postgres(cfg.pgHost(), cfg.pgPort(), cfg.pgUser(), cfg.pgPassword(),
                    cfg.baselineRate(), cfg.baselineSeconds()).summary());
            log("  %s", baselines.get("postgres"));
            log("baseline: bare Netty SSE push");
            baselines.put("nettySse", Baselines.nettySse(net, cfg.baselineRate(), cfg.baselineSeconds()).summary());
            log("  %s", baselines.get("nettySse"));
        }

        Scenarios s = new Scenarios(this);
        try {
            if (cfg.phases().stream().anyMatch(p -> !p.equals("baselines") && !p.equals("stub"))) {
                login();
            }
            if (cfg.runs("hot") || cfg.runs("sweep") || cfg.runs("gateway") || cfg.runs("fanout")) {
                s.warmUp();
            }
            if (cfg.runs("hot")) {
                s.hotPath();
            }
            if (cfg.runs("stub")) {
                try {
                    new StubScenario(this, s).run();
                } catch (Exception e) {
                    // the other phases do not depend on this one (another org, its own conversations)
                    @SuppressWarnings("unchecked")
                    Map<String, Object> stub = (Map<String, Object>) results.computeIfAbsent("stub", k -> new LinkedHashMap<>());
                    stub.put("failed", e.toString());
                    note("stub phase failed: %s", e);
                    e.printStackTrace();
                }
            }
            if (cfg.runs("sweep")) {
                s.sweep();
            }
            if (cfg.runs("gateway")) {
                s.gatewayOverhead();
            }
            if (cfg.runs("fanout")) {
                s.fanOut();
            }
            if (cfg.runs("idle")) {
                s.idleStreams();
            }
        } finally {
            s.closeAll();
        }

        results.put("startedAt", started.toString());
        results.put("finishedAt", Instant.now().toString());
        results.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        results.put("machineAfter", Machine.load());
        results.put("notes", notes);
        Report.write(this);
    }

    void login() {
        JsonNode n = login(cfg.operatorEmail(), cfg.operatorPassword());
        operatorToken = n.get("accessToken").asString();
        JsonNode op = n.get("operator");
        orgId = op != null && op.has("orgId") ? op.get("orgId").asString() : null;
    }

    /** Logs an operator in through the gateway; answers the login response (accessToken, operator). */
    JsonNode login(String email, String password) {
        Net.Resp r = net.post(cfg.gateway() + "/api/v1/auth/login", null,
                "{\"email\":" + q(email) + ",\"password\":" + q(password) + "}")
            .block(Duration.ofSeconds(30));
        if (r == null || r.status() != 200) {
            throw new IllegalStateException("operator login of " + email + " failed: "
                    + (r == null ? "no answer" : r.status() + " " + r.body()));
        }
        return JSON.readTree(r.body());
    }

    /** A question with a unique reference (keeps the repeat detector quiet; the stub model reads it back). */
    static String text(long ref) {
        return QUESTIONS[(int) (ref % QUESTIONS.length)] + " (ref " + ref + ")";
    }

    // ------------------------------------------------------------------------------------------------
    // shared helpers

    /** One message in flight and where its arrivals are recorded. */
    static final class Pending {
        final long t0;
        final Phase phase;
        final Scenarios.Conv conv;
        final int expectedRecipients;
        final AtomicInteger recipients = new AtomicInteger();
        volatile boolean visitorSeen;
        volatile boolean aiSeen;
        /** The text's reference number, {@code (ref N)}. */
        volatile long ref;
        /** When the AI reply arrived on the visitor's stream, and which responder wrote it ({@code data.responder}). */
        volatile long aiArrivedNs;
        volatile String responder;
        /** Stub model only: when its first request for this message arrived and when it answered; calls seen. */
        volatile long stubInNs;
        volatile long stubOutNs;
        final AtomicInteger stubCalls = new AtomicInteger();

        Pending(long t0, Phase phase, Scenarios.Conv conv, int expectedRecipients) {
            this.t0 = t0;
            this.phase = phase;
            this.conv = conv;
            this.expectedRecipients = expectedRecipients;
        }
    }

    /** The recordings of one measured phase. */
    static final class Phase {
        final String name;
        final boolean expectAi;
        final Lat post = new Lat();
        final Lat visitor = new Lat();
        final Lat operator = new Lat();
        final Lat ai = new Lat();
        final Lat lastRecipient = new Lat();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong rateLimited = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Pending> open = new ConcurrentLinkedQueue<>();
        /** AI replies by {@code data.responder} of the message ({@code openai}, {@code builtin}). */
        final Map<String, AtomicLong> responders = new ConcurrentHashMap<>();
        /** When set, every message sent in this phase is registered by its reference (the stub model looks it up). */
        Map<Long, Pending> byRef;
        double offeredRate;
        double seconds;

        Phase(String name, boolean expectAi) {
            this.name = name;
            this.expectAi = expectAi;
        }

        /** Ends a block of this phase: throughput counts only the time the phase was running. */
        void closeWindows() {
            for (Lat l : List.of(post, visitor, operator, ai, lastRecipient)) {
                l.closeWindow();
            }
        }

        long unfinished() {
            return open.stream().filter(p -> !p.conv.escalated && (!p.visitorSeen || (expectAi && !p.aiSeen)
                    || p.recipients.get() < p.expectedRecipients)).count();
        }

        long lostToHandoff() {
            return open.stream().filter(p -> p.conv.escalated && !p.aiSeen).count();
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offeredRatePerSec", offeredRate);
            m.put("seconds", seconds);
            m.put("sent", sent.get());
            m.put("httpErrors", errors.get());
            m.put("rateLimited429", rateLimited.get());
            m.put("unfinished", unfinished());
            m.put("unansweredAfterHandoff", lostToHandoff());
            m.put("skippedNoConversation", skipped.get());
            m.put("post", post.summary());
            m.put("visitorStream", visitor.summary());
            if (operator.count() > 0) {
                m.put("operatorStream", operator.summary());
            }
            if (expectAi) {
                m.put("aiReply", ai.summary());
                Map<String, Long> by = new java.util.TreeMap<>();
                responders.forEach((k, v) -> by.put(k, v.get()));
                m.put("aiResponders", by);
            }
            if (lastRecipient.count() > 0) {
                m.put("lastRecipient", lastRecipient.summary());
            }
            return m;
        }
    }

    /** Calls {@code fire} n times at the given rate with each call's intended start time (open loop). */
    static void pace(double rate, long n, LongConsumer fire) {
        long start = System.nanoTime() + 1_000_000;
        double interval = 1e9 / rate;
        for (long i = 0; i < n; i++) {
            long t = start + (long) (i * interval);
            long now;
            while ((now = System.nanoTime()) < t) {
                LockSupport.parkNanos(Math.min(t - now, 1_000_000));
            }
            fire.accept(t);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String q(String s) {
        return JSON.writeValueAsString(s);
    }

    static void log(String fmt, Object... args) {
        System.out.printf("[perf %s] %s%n", Instant.now().toString().substring(11, 19), String.format(fmt, args));
        System.out.flush();
    }

    void note(String fmt, Object... args) {
        String s = String.format(fmt, args);
        notes.add(s);
        log("NOTE %s", s);
    }

    /** Settings from the environment (perf/run documents them), with modest defaults for a 2-core box. */
    record Config(Path root, Path out, Set<String> phases, String gateway, String direct, String kafka, String pgHost,
            int pgPort, String pgUser, String pgPassword, String widgetToken, String operatorEmail,
            String operatorPassword, String widgetToken2, String operatorEmail2, String operatorPassword2,
            double baselineRate, int baselineSeconds, double hotRate, int hotSeconds, int conversations,
            List<Double> sweepRates, int sweepSeconds, double gatewayRate, int gatewaySeconds, int fanOutOperators,
            double fanOutRate, int fanOutSeconds, int idleStreams, int idleStep, int drainSeconds, List<Integer> stubTtftsMs,
            double stubRate, int stubSeconds) {

        /** {@code needDemo}: the demo credentials of var/local/demo.env are required (not for --report-only). */
        static Config fromEnv(boolean needDemo) {
            Path root = Path.of(env("PERF_ROOT", ".")).toAbsolutePath().normalize();
            Path out = root.resolve(env("PERF_OUT", "docs/perf")).normalize();
            Set<String> phases = new LinkedHashSet<>();
            List<String> asked = new ArrayList<>();
            for (String p : env("PERF_PHASES", String.join(",", PHASES)).split(",")) {
                String name = p.trim().toLowerCase(java.util.Locale.ROOT);
                if (name.equals("all")) {
                    asked.addAll(PHASES);
                } else if (!name.isEmpty()) {
                    if (!PHASES.contains(name)) {
                        throw new IllegalArgumentException("PERF_PHASES: unknown phase '" + name + "' (phases: "
                                + String.join(",", PHASES) + ", or all)");
                    }
                    asked.add(name);
                }
            }
            PHASES.stream().filter(asked::contains).forEach(phases::add); // always measured in the fixed order
            if (phases.isEmpty()) {
                throw new IllegalArgumentException("PERF_PHASES names no phase (phases: " + String.join(",", PHASES) + ")");
            }
            Map<String, String> demo = new LinkedHashMap<>();
            Path demoEnv = root.resolve("var/local/demo.env");
            try {
                for (String line : Files.readAllLines(demoEnv)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        demo.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            } catch (Exception e) {
                if (needDemo) {
                    throw new IllegalStateException("cannot read " + demoEnv + " (run deploy/local/up first)", e);
                }
            }
            List<Double> rates = new ArrayList<>();
            for (String r : env("PERF_SWEEP_RATES", "5,10,20,30,50,75,100,150,200,300,400,500,600").split(",")) {
                rates.add(Double.parseDouble(r.trim()));
            }
            List<Integer> ttfts = new ArrayList<>();
            for (String t : env("PERF_STUB_TTFT_MS", "200").split(",")) {
                if (!t.isBlank()) {
                    int v = Integer.parseInt(t.trim());
                    if (v < 0 || v > 60_000) {
                        throw new IllegalArgumentException("PERF_STUB_TTFT_MS: " + v + " is not within 0..60000");
                    }
                    ttfts.add(v);
                }
            }
            return new Config(root, out, phases, "http://127.0.0.1:8080", "http://127.0.0.1:8082", "127.0.0.1:9092",
                    "127.0.0.1", Integer.parseInt(env("PGPORT", "5432")), env("DB_USER", "postgres"),
                    env("DB_PASSWORD", ""), demo.get("WIDGET_TOKEN"), demo.get("OPERATOR_EMAIL"),
                    demo.get("OPERATOR_PASSWORD"), demo.get("WIDGET_TOKEN_2"), demo.get("OPERATOR_EMAIL_2"),
                    demo.get("OPERATOR_PASSWORD_2"),
                    dbl("PERF_BASELINE_RATE", 100), num("PERF_BASELINE_SECONDS", 30),
                    dbl("PERF_HOT_RATE", 10), num("PERF_HOT_SECONDS", 60),
                    num("PERF_CONVERSATIONS", 100), rates, num("PERF_SWEEP_SECONDS", 10),
                    dbl("PERF_GATEWAY_RATE", 10), num("PERF_GATEWAY_SECONDS", 60),
                    num("PERF_FANOUT_OPERATORS", 50), dbl("PERF_FANOUT_RATE", 10), num("PERF_FANOUT_SECONDS", 60),
                    num("PERF_IDLE_STREAMS", 10000), num("PERF_IDLE_STEP", 2000), num("PERF_DRAIN_SECONDS", 15),
                    ttfts, dbl("PERF_STUB_RATE", 5), num("PERF_STUB_SECONDS", 20));
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phases", List.copyOf(phases));
            if (runs("baselines")) {
                m.put("baselineRate", baselineRate);
                m.put("baselineSeconds", baselineSeconds);
            }
            if (runs("hot") || runs("idle")) {
                m.put("hotRate", hotRate);
                m.put("hotSeconds", hotSeconds);
            }
            if (runs("stub")) {
                m.put("stubTtftMs", stubTtftsMs);
                m.put("stubRate", stubRate);
                m.put("stubSeconds", stubSeconds);
            }
            if (runs("sweep")) {
                m.put("conversations", conversations);
                m.put("sweepRates", sweepRates);
                m.put("sweepSeconds", sweepSeconds);
            }
            if (runs("gateway")) {
                m.put("gatewayRate", gatewayRate);
                m.put("gatewaySeconds", gatewaySeconds);
            }
            if (runs("fanout")) {
                m.put("fanOutOperators", fanOutOperators);
                m.put("fanOutRate", fanOutRate);
                m.put("fanOutSeconds", fanOutSeconds);
            }
            if (runs("idle")) {
                m.put("idleStreams", idleStreams);
                m.put("idleStep", idleStep);
            }
            m.put("drainSeconds", drainSeconds);
            return m;
        }

        private static String env(String k, String d) {
            String v = System.getenv(k);
            return v == null || v.isBlank() ? d : v;
        }

        private static int num(String k, int d) {
            return Integer.parseInt(env(k, Integer.toString(d)));
        }

        private static double dbl(String k, double d) {
            return Double.parseDouble(env(k, Double.toString(d)));
        }
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static void await(java.util.concurrent.CompletableFuture<?> f, int seconds) {
        try {
            f.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
