package com.supportchat.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static com.supportchat.perf.Bench.log;

/** The measured scenarios; each writes its part of {@code results}. */
final class Scenarios {

    /** One benchmark visitor with its own widget session and conversation (of the main demo org unless said otherwise). */
    static final class Conv {
        final String id;
        final String token;
        final ConcurrentLinkedQueue<Bench.Pending> awaitingAi = new ConcurrentLinkedQueue<>();
        volatile boolean escalated;
        Net.Stream stream;

        Conv(String id, String token) {
            this.id = id;
            this.token = token;
        }
    }

    private final Bench b;
    private final Bench.Config cfg;
    private final List<Conv> convs = new ArrayList<>();
    private final List<Net.Stream> operatorStreams = new ArrayList<>();
    private final AtomicInteger roundRobin = new AtomicInteger();

    Scenarios(Bench b) {
        this.b = b;
        this.cfg = b.cfg;
    }

    // ------------------------------------------------------------------------------------------------
    // scenarios

    /**
     * Unmeasured traffic before the measured phases, so they measure the services' steady state rather than
     * their just-in-time compilation (a service restarted for the run spends its first minutes compiling).
     * {@code PERF_WARMUP_SECONDS} (default 30, 0 to skip) at {@code PERF_WARMUP_RATE} msgs/s (default 20).
     */
    void warmUp() {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("PERF_WARMUP_SECONDS", "30"));
        double rate = Double.parseDouble(System.getenv().getOrDefault("PERF_WARMUP_RATE", "20"));
        b.results.put("warmUp", Map.of("seconds", seconds, "ratePerSec", rate));
        if (seconds <= 0) {
            return;
        }
        ensureConversations(Math.min(cfg.conversations(), 50));
        // one operator stream, so the operator path warms up too and each message has its 2 recipients
        openOperatorStreams(1);
        log("warm-up of the services: %d s at %s msgs/s, 1 visitor + 1 operator stream (not measured)", seconds, rate);
        runPhase(new Bench.Phase("service-warmup", true), live(convs), rate, seconds, cfg.gateway(), 2);
        closeOperatorStreams();
    }

    void hotPath() {
        ensureConversations(10);
        openOperatorStreams(1);
        List<Conv> hot = convs.subList(0, 10);
        log("warm-up: 5 s at %s/s", cfg.hotRate());
        runPhase(new Bench.Phase("warmup", true), hot, cfg.hotRate(), 5, cfg.gateway(), 2);
        Bench.Phase p = new Bench.Phase("hotPath", true);
        log("hot path: %s msgs/s for %d s over %d conversations, 1 visitor + 1 operator stream", cfg.hotRate(),
                cfg.hotSeconds(), hot.size());
        runPhase(p, hot, cfg.hotRate(), cfg.hotSeconds(), cfg.gateway(), 2);
        b.results.put("hotPath", p.summary());
        log("  %s", p.summary());
    }

    @SuppressWarnings("unchecked")
    void sweep() {
        ensureConversations(cfg.conversations());
        List<Map<String, Object>> steps = new ArrayList<>();
        b.results.put("sweep", steps);
        if (operatorStreams.isEmpty()) {
            openOperatorStreams(1);
        }
        // the low-load reference is the hot-path phase (the lowest rate, and the most samples); without it in
        // this run (PERF_PHASES), the first sweep step
        Map<String, Object> hot = (Map<String, Object>) b.results.get("hotPath");
        String reference = hot != null ? "hotPath" : "firstSweepStep";
        double lowAi = hot == null ? Double.NaN : Report.p99((Map<String, Object>) hot.get("aiReply"));
        double lowVisitor = hot == null ? Double.NaN : Report.p99((Map<String, Object>) hot.get("visitorStream"));
        double best = 0;
        String stopReason = "all rates kept up";
        for (double rate : cfg.sweepRates()) {
            Bench.sleep(2000);
            Bench.Phase p = new Bench.Phase("sweep-" + (int) rate, true);
            log("sweep: %s msgs/s for %d s over %d conversations", rate, cfg.sweepSeconds(), live(convs).size());
            Map<String, Double> cpuBefore = Machine.cpuMs(cfg.root());
            runPhase(p, live(convs), rate, cfg.sweepSeconds(), cfg.gateway(), 2);
            Map<String, Double> cpuAfter = Machine.cpuMs(cfg.root());
            Map<String, Object> s = p.summary();
            Map<String, Object> cpu = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<String, Double> e : cpuAfter.entrySet()) {
                Double before = cpuBefore.get(e.getKey());
                if (before != null && p.sent.get() > 0) {
                    double perMsg = (e.getValue() - before) / p.sent.get();
                    cpu.put(e.getKey(), Lat.round(perMsg));
                    total += perMsg;
                }
            }
            cpu.put("total", Lat.round(total));
            s.put("cpuMsPerMessage", cpu);
            if (Double.isNaN(lowAi)) {
                lowAi = p.ai.p99();
                lowVisitor = p.visitor.p99();
            }
            boolean keptUp = p.unfinished() == 0 && p.errors.get() == 0 && p.ai.throughput() >= 0.9 * rate;
            boolean ok = keptUp && p.ai.p99() <= 2 * lowAi;
            s.put("keptUp", keptUp);
            s.put("withinTwiceLowLoadP99", ok);
            steps.add(s);
            log("  %s", s);
            if (ok) {
                best = rate;
            }
            if (!keptUp || p.ai.p99() > 20 * lowAi) {
                stopReason = String.format("at %s/s the platform did not keep up or the AI p99 passed 20x low load: AI p99 %.1f ms (low load %.1f ms), "
                        + "unfinished %d, errors %d, AI replies %.1f/s", rate, p.ai.p99(), lowAi, p.unfinished(),
                        p.errors.get(), p.ai.throughput());
                break;
            }
        }
        Map<String, Object> sat = new LinkedHashMap<>();
        sat.put("lowLoadReference", reference);
        sat.put("lowLoadAiP99Ms", Lat.round(lowAi));
        sat.put("lowLoadVisitorP99Ms", Lat.round(lowVisitor));
        sat.put("highestRateWithinTwiceLowLoadP99", best);
        sat.put("stoppedBecause", stopReason);
        b.results.put("saturation", sat);
        log("saturation: %s", sat);
    }

    void gatewayOverhead() {
        ensureConversations(20);
        if (operatorStreams.isEmpty()) {
            openOperatorStreams(1); // every POST of this phase waits for the operator stream too
        }
        List<Conv> set = live(convs).subList(0, Math.min(20, live(convs).size()));
        Bench.sleep(3000);
        Bench.Phase viaGateway = new Bench.Phase("gateway-post", true);
        Bench.Phase direct = new Bench.Phase("direct-post", true);
        Lat getGateway = new Lat();
        Lat getDirect = new Lat();
        AtomicInteger errors = new AtomicInteger();
        double rate = cfg.gatewayRate();
        int seconds = cfg.gatewaySeconds();
        log("gateway overhead: POST message %s/s and GET conversation %s/s, each through :8080 and straight to :8082, "
                + "interleaved, %d s", rate, 4 * rate, seconds);
        viaGateway.offeredRate = rate;
        direct.offeredRate = rate;
        viaGateway.seconds = seconds;
        direct.seconds = seconds;
        // warm-up of exactly the same mix, discarded
        Bench.Phase warmGateway = new Bench.Phase("gateway-warmup", true);
        Bench.Phase warmDirect = new Bench.Phase("direct-warmup", true);
        Lat warmGet = new Lat();
        AtomicInteger w = new AtomicInteger();
        Bench.pace(4 * rate, (long) (4 * rate * 5), t0 -> {
            int k = w.getAndIncrement();
            Conv c = set.get((k / 4) % set.size());
            switch (k % 4) {
                case 0 -> send(c, warmGateway, t0, cfg.gateway(), 2);
                case 1 -> send(c, warmDirect, t0, cfg.direct(), 2);
                case 2 -> timedGet(cfg.gateway() + "/widget/v1/conversations/" + c.id, c.token, t0, warmGet, new AtomicInteger());
                default -> timedGet(cfg.direct() + "/widget/v1/conversations/" + c.id, c.token, t0, warmGet, new AtomicInteger());
            }
        });
        drain(warmGateway);
        drain(warmDirect);
        // per cycle of 10 slots: one POST each way, four GETs each way (GETs cost the platform no AI work)
        AtomicInteger i = new AtomicInteger();
        Bench.pace(10 * rate, (long) (10 * rate * seconds), t0 -> {
            int k = i.getAndIncrement();
            Conv c = set.get(k % set.size());
            int slot = k % 10;
            if (slot == 0) {
                send(c, viaGateway, t0, cfg.gateway(), 2);
            } else if (slot == 5) {
                send(c, direct, t0, cfg.direct(), 2);
            } else if (slot % 2 == 0) {
                timedGet(cfg.gateway() + "/widget/v1/conversations/" + c.id, c.token, t0, getGateway, errors);
            } else {
                timedGet(cfg.direct() + "/widget/v1/conversations/" + c.id, c.token, t0, getDirect, errors);
            }
        });
        drain(viaGateway);
        drain(direct);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("postViaGateway", viaGateway.post.summary());
        m.put("postDirect", direct.post.summary());
        m.put("getViaGateway", getGateway.summary());
        m.put("getDirect", getDirect.summary());
        m.put("getErrors", errors.get());
        m.put("postErrors", viaGateway.errors.get() + direct.errors.get());
        m.put("postOverheadP50Ms", Lat.round(viaGateway.post.p50() - direct.post.p50()));
        m.put("postOverheadP99Ms", Lat.round(viaGateway.post.p99() - direct.post.p99()));
        m.put("getOverheadP50Ms", Lat.round(getGateway.p50() - getDirect.p50()));
        m.put("getOverheadP99Ms", Lat.round(getGateway.p99() - getDirect.p99()));
        m.put("visitorStreamViaGatewayPost", viaGateway.visitor.summary());
        m.put("visitorStreamDirectPost", direct.visitor.summary());
        b.results.put("gatewayOverhead", m);
        log("  %s", m);
    }

    /** Rounds of the fan-out phase; each round runs every condition for a third of PERF_FANOUT_SECONDS. */
    private static final int FAN_OUT_BLOCKS = 3;

    void fanOut() {
        closeOperatorStreams();
        Bench.sleep(3000);
        List<Conv> one = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            one.add(createConversation());
        }
        convs.addAll(one);
        // The three conditions alternate in blocks, so that the machine's stalls (a slow disk flush, another
        // process's burst) fall on each of them alike instead of on whichever ran at the time.
        Bench.Phase single = new Bench.Phase("fanout-single", true);
        int n = cfg.fanOutOperators();
        Bench.Phase fan = new Bench.Phase("fanout-" + (n + 1), true);
        Bench.Phase direct = new Bench.Phase("fanout-" + (n + 1) + "-direct", true);
        int blockSeconds = Math.max(5, cfg.fanOutSeconds() / FAN_OUT_BLOCKS);
        log("fan-out: %d rounds of %d s each: visitor stream only; 1 visitor + %d operator streams through the gateway; "
                + "the same straight to conversation-service; %s msgs/s over 3 conversations", FAN_OUT_BLOCKS, blockSeconds,
                n, cfg.fanOutRate());
        for (int round = 0; round < FAN_OUT_BLOCKS; round++) {
            runPhase(single, one, cfg.fanOutRate(), blockSeconds, cfg.gateway(), 1);
            openOperatorStreams(n);
            Bench.sleep(2000);
            runPhase(fan, one, cfg.fanOutRate(), blockSeconds, cfg.gateway(), n + 1);
            closeOperatorStreams();
            openOperatorStreams(n, cfg.direct());
            Bench.sleep(2000);
            runPhase(direct, one, cfg.fanOutRate(), blockSeconds, cfg.gateway(), n + 1);
            closeOperatorStreams();
            Bench.sleep(1000);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operators", n);
        m.put("singleRecipient", single.summary());
        m.put("fanOut", fan.summary());
        m.put("fanOutOperatorsDirect", direct.summary());
        double ratio = fan.lastRecipient.p99() / single.lastRecipient.p99();
        m.put("lastRecipientP99OverSingleP99", Lat.round(ratio));
        m.put("lastRecipientP99OverSingleP99OperatorsDirect", Lat.round(direct.lastRecipient.p99() / single.lastRecipient.p99()));
        b.results.put("fanOut", m);
        log("  last recipient p99 %.1f ms vs single %.1f ms (x%.2f); operator streams direct: %.1f ms (x%.2f)",
                fan.lastRecipient.p99(), single.lastRecipient.p99(), ratio, direct.lastRecipient.p99(),
                direct.lastRecipient.p99() / single.lastRecipient.p99());
    }

    void idleStreams() {
        Path pidFile = cfg.root().resolve("var/local/pids/conversation-service.pid");
        Long pid = null;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (Exception e) {
            b.note("no pid for conversation-service in %s: RSS not measured", pidFile);
        }
        List<Map<String, Object>> samples = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        b.results.put("idleStreams", m);
        ensureConversations(10);
        samples.add(sample(pid, 0));
        List<Conv> pool = live(convs);
        List<Net.Stream> idle = new ArrayList<>();
        int failed = 0;
        int target = cfg.idleStreams();
        log("idle streams: opening %d SSE streams straight to conversation-service in steps of %d", target, cfg.idleStep());
        while (idle.size() < target) {
            int stepEnd = Math.min(target, idle.size() + cfg.idleStep());
            while (idle.size() < stepEnd) {
                List<Net.Stream> batch = new ArrayList<>();
                for (int k = 0; k < 100 && idle.size() + batch.size() < stepEnd; k++) {
                    Conv c = pool.get((idle.size() + batch.size()) % pool.size());
                    batch.add(b.net.sse(cfg.direct() + "/widget/v1/conversations/" + c.id + "/events", c.token,
                            "999999999", ev -> { }));
                }
                for (Net.Stream s : batch) {
                    try {
                        s.opened.get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failed++;
                    }
                }
                idle.addAll(batch);
            }
            Bench.sleep(2000);
            samples.add(sample(pid, idle.size()));
        }
        m.put("heapHistogramTop", histogram(pid, 25));
        // the hot path while all streams are held
        List<Conv> hot = live(convs).subList(0, Math.min(10, live(convs).size()));
        Bench.Phase withIdle = new Bench.Phase("hot-with-idle", true);
        log("hot path with %d idle streams held: %s/s for %d s", idle.size(), cfg.hotRate(), cfg.hotSeconds() / 2);
        runPhase(withIdle, hot, cfg.hotRate(), Math.max(5, cfg.hotSeconds() / 2), cfg.gateway(), 1);
        m.put("hotPathWithIdleStreams", withIdle.summary());
        long stillOpen = idle.stream().filter(s -> s.ended == null).count();
        m.put("openFailed", failed);
        m.put("stillOpenAtEnd", stillOpen);
        idle.forEach(Net.Stream::close);
        Bench.sleep(3000);
        Map<String, Object> after = sample(pid, 0);
        after.put("afterClose", true);
        m.put("afterClose", after);
        Map<String, Object> first = samples.get(0);
        Map<String, Object> last = samples.get(samples.size() - 1);
        double dHeap = (double) last.get("heapMiB") - (double) first.get("heapMiB");
        int streams = (int) last.get("streams");
        m.put("heapGrowthMiB", Lat.round(dHeap));
        m.put("heapPerStreamKiB", Lat.round(dHeap * 1024 / Math.max(1, streams)));
        if (last.get("rssMiB") != null && first.get("rssMiB") != null) {
            double dRss = (double) last.get("rssMiB") - (double) first.get("rssMiB");
            m.put("rssGrowthMiB", Lat.round(dRss));
            m.put("rssPerStreamKiB", Lat.round(dRss * 1024 / Math.max(1, streams)));
        }
        double projected = (double) first.get("heapMiB") + dHeap / Math.max(1, streams) * 10_000;
        m.put("projectedHeapAt10000MiB", Lat.round(projected));
        log("  %s", m);
    }

    void closeAll() {
        closeOperatorStreams();
        for (Conv c : convs) {
            if (c.stream != null) {
                c.stream.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // machinery

    /** The top of {@code jcmd <pid> GC.class_histogram} (live objects) while the streams are held. */
    private List<String> histogram(Long pid, int lines) {
        List<String> out = new ArrayList<>();
        if (pid == null) {
            return out;
        }
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            for (String line : text.split("\n")) {
                if (line.matches("\\s*[0-9]+:\\s+[0-9]+.*") && out.size() < lines) {
                    out.add(line.replace(" (java.base@" + System.getProperty("java.version") + ")", "").replaceAll("\\s+", " ").trim());
                }
            }
        } catch (Exception e) {
            b.note("jcmd GC.class_histogram failed: %s", e);
        }
        return out;
    }

    private Map<String, Object> sample(Long pid, int streams) {
        if (pid != null) {
            try {
                Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                b.note("jcmd GC.run failed: %s (heap figures include garbage)", e);
            }
            Bench.sleep(1000);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("streams", streams);
        Net.Resp r = b.net.getText(cfg.direct() + "/actuator/prometheus").block(Duration.ofSeconds(30));
        double heap = 0;
        double subscribers = Double.NaN;
        if (r == null || r.status() != 200) {
            b.note("GET /actuator/prometheus of conversation-service answered %s: heap not measured", r == null ? "nothing" : r.status());
        } else {
            for (String line : r.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("supportchat_sse_subscribers")) {
                    subscribers = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        s.put("heapMiB", Math.round(heap / 1048576.0 * 10) / 10.0);
        s.put("serverSubscribers", Double.isNaN(subscribers) ? null : (long) subscribers);
        if (pid != null) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        s.put("rssMiB", Math.round(kb / 1024.0 * 10) / 10.0);
                    }
                }
            } catch (Exception e) {
                b.note("cannot read /proc/%d/status: %s", pid, e);
            }
        }
        log("  sample %s", s);
        return s;
    }

    private void timedGet(String url, String token, long t0, Lat lat, AtomicInteger errors) {
        b.net.get(url, token).subscribe(r -> {
            lat.record(t0, System.nanoTime());
            if (r.status() != 200) {
                errors.incrementAndGet();
            }
        }, e -> errors.incrementAndGet());
    }

    List<Conv> live(List<Conv> all) {
        return all.stream().filter(c -> !c.escalated).toList();
    }

    void runPhase(Bench.Phase p, List<Conv> set, double rate, int seconds, String base, int recipients) {
        p.offeredRate = rate;
        p.seconds += seconds;
        Bench.pace(rate, (long) (rate * seconds), t0 -> {
            Conv c = null;
            for (int k = 0; k < set.size() && c == null; k++) {
                Conv candidate = set.get(Math.floorMod(roundRobin.getAndIncrement(), set.size()));
                c = candidate.escalated ? null : candidate;
            }
            if (c == null) {
                p.skipped.incrementAndGet();
                return;
            }
            send(c, p, t0, base, recipients);
        });
        if (p.skipped.get() > 0) {
            b.note("%s: %d sends skipped because every conversation of the phase had left the AI", p.name, p.skipped.get());
        }
        drain(p);
        p.closeWindows();
    }

    private void drain(Bench.Phase p) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.drainSeconds());
        while (p.unfinished() > 0 && System.nanoTime() < deadline) {
            Bench.sleep(50);
        }
        if (p.unfinished() > 0) {
            b.note("%s: %d of %d messages not complete (visitor, operators, AI reply) %d s after the last send",
                    p.name, p.unfinished(), p.sent.get(), cfg.drainSeconds());
        }
    }

    private void send(Conv c, Bench.Phase p, long t0, String base, int recipients) {
        String cmid = Bench.uuid();
        Bench.Pending pend = new Bench.Pending(t0, p, c, recipients);
        long ref = b.textSeq.incrementAndGet();
        pend.ref = ref;
        if (p.byRef != null) {
            p.byRef.put(ref, pend);
        }
        b.pending.put(cmid, pend);
        p.open.add(pend);
        p.sent.incrementAndGet();
        c.awaitingAi.add(pend);
        String body = "{\"clientMessageId\":" + Bench.q(cmid) + ",\"text\":" + Bench.q(Bench.text(ref)) + "}";
        b.net.post(base + "/widget/v1/conversations/" + c.id + "/messages", c.token, body).subscribe(r -> {
            p.post.record(t0, System.nanoTime());
            p.statuses.computeIfAbsent(r.status(), k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
            if (r.status() != 202 && r.status() != 200 && r.status() != 201) {
                failed(c, p, cmid, pend, r.status() == 429);
            }
        }, e -> failed(c, p, cmid, pend, false));
    }

    private void failed(Conv c, Bench.Phase p, String cmid, Bench.Pending pend, boolean rateLimited) {
        p.errors.incrementAndGet();
        if (rateLimited) {
            p.rateLimited.incrementAndGet();
        }
        c.awaitingAi.remove(pend);
        p.open.remove(pend);
        b.pending.remove(cmid);
    }

    private void onVisitorEvent(Conv c, Net.SseEvent ev) {
        if (!"message".equals(ev.event())) {
            if ("handoff".equals(ev.event()) || ("status".equals(ev.event()) && !ev.data().contains("UNRESOLVED"))) {
                if (!c.escalated) {
                    c.escalated = true;
                    b.note("conversation %s left the AI (%s event: %.200s); it is no longer used", c.id, ev.event(), ev.data());
                }
            }
            return;
        }
        JsonNode n = Bench.JSON.readTree(ev.data());
        String author = n.path("author").path("type").asString("");
        if ("VISITOR".equals(author)) {
            String cmid = n.path("clientMessageId").asString(null);
            Bench.Pending p = cmid == null ? null : b.pending.get(cmid);
            if (p != null && !p.visitorSeen) {
                p.visitorSeen = true;
                p.phase.visitor.record(p.t0, ev.arrivedNs());
                arrived(p, ev.arrivedNs());
            }
        } else if ("AI".equals(author)) {
            Bench.Pending p = c.awaitingAi.poll();
            if (p != null) {
                String responder = n.path("data").path("responder").asString("unknown");
                p.responder = responder;
                p.aiArrivedNs = ev.arrivedNs();
                p.aiSeen = true;
                p.phase.ai.record(p.t0, ev.arrivedNs());
                p.phase.responders.computeIfAbsent(responder, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
            }
        }
    }

    private void onOperatorEvent(Net.SseEvent ev) {
        if (!"message".equals(ev.event()) || !ev.data().contains("\"VISITOR\"")) {
            return;
        }
        JsonNode n = Bench.JSON.readTree(ev.data());
        String cmid = n.path("clientMessageId").asString(null);
        Bench.Pending p = cmid == null ? null : b.pending.get(cmid);
        if (p != null) {
            p.phase.operator.record(p.t0, ev.arrivedNs());
            arrived(p, ev.arrivedNs());
        }
    }

    private static void arrived(Bench.Pending p, long at) {
        if (p.recipients.incrementAndGet() == p.expectedRecipients) {
            p.phase.lastRecipient.record(p.t0, at);
        }
    }

    private void openOperatorStreams(int n) {
        openOperatorStreams(n, cfg.gateway());
    }

    private void openOperatorStreams(int n, String baseUrl) {
        List<Net.Stream> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            opened.add(b.net.sse(baseUrl + "/api/v1/events", b.operatorToken, null, this::onOperatorEvent));
        }
        for (Net.Stream s : opened) {
            Bench.await(s.opened, 30);
        }
        operatorStreams.addAll(opened);
    }

    private void closeOperatorStreams() {
        operatorStreams.forEach(Net.Stream::close);
        operatorStreams.clear();
    }

    private void ensureConversations(int n) {
        int missing = n - live(convs).size();
        if (missing <= 0) {
            return;
        }
        log("creating %d visitors (widget session + conversation + SSE stream through the gateway)", missing);
        List<Conv> created = Flux.range(0, missing)
            .flatMap(i -> Mono.fromCallable(this::createConversation)
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 8)
            .collectList().block(Duration.ofMinutes(5));
        convs.addAll(created);
    }

    private Conv createConversation() {
        return createConversation(cfg.widgetToken());
    }

    /** A new visitor of the org the widget token belongs to: session, conversation and SSE stream (gateway). */
    Conv createConversation(String widgetToken) {
        Net.Resp s = b.net.post(cfg.gateway() + "/widget/v1/session", null,
                "{\"widgetToken\":" + Bench.q(widgetToken) + "}").block(Duration.ofSeconds(30));
        if (s == null || s.status() != 200) {
            throw new IllegalStateException("widget session failed: " + (s == null ? "no answer" : s.status() + " " + s.body()));
        }
        String token = Bench.JSON.readTree(s.body()).get("accessToken").asString();
        Net.Resp c = b.net.post(cfg.gateway() + "/widget/v1/conversations", token,
                "{\"clientMessageId\":" + Bench.q(Bench.uuid()) + "}").block(Duration.ofSeconds(30));
        if (c == null || c.status() != 201) {
            throw new IllegalStateException("start conversation failed: " + (c == null ? "no answer" : c.status() + " " + c.body()));
        }
        Conv conv = new Conv(Bench.JSON.readTree(c.body()).get("id").asString(), token);
        conv.stream = b.net.sse(cfg.gateway() + "/widget/v1/conversations/" + conv.id + "/events", token, null,
                ev -> onVisitorEvent(conv, ev));
        Bench.await(conv.stream.opened, 30);
        return conv;
    }

    static <T> CompletableFuture<T> done(T t) {
        return CompletableFuture.completedFuture(t);
    }
}
