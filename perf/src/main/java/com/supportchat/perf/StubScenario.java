package com.supportchat.perf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.supportchat.perf.Bench.log;

/**
 * The hot path's "visitor POST -> AI reply on the visitor's stream" with the OpenAI-compatible responder: the
 * second demo org (Globex, {@code _2} in var/local/demo.env) is pointed at {@link StubModel} through the public
 * API ({@code PUT /api/v1/settings/ai} through the gateway, as its admin) for the duration of the phase, then its
 * previous settings are put back (in a finally block, and by a shutdown hook if the JVM is stopped meanwhile).
 * The main demo org, which every other phase uses, is never touched.
 */
final class StubScenario {

    private static final int CONVERSATIONS = 10;

    private final Bench b;
    private final Scenarios s;
    private final Bench.Config cfg;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    StubScenario(Bench b, Scenarios s) {
        this.b = b;
        this.s = s;
        this.cfg = b.cfg;
    }

    void run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        b.results.put("stub", out);
        out.put("org", "Globex (second demo org, OPERATOR_EMAIL_2 / WIDGET_TOKEN_2)");
        out.put("ratePerSec", cfg.stubRate());
        out.put("seconds", cfg.stubSeconds());
        out.put("conversations", CONVERSATIONS);
        out.put("ttftMs", cfg.stubTtftsMs());
        if (cfg.widgetToken2() == null || cfg.operatorEmail2() == null || cfg.operatorPassword2() == null) {
            skip(out, "var/local/demo.env has no second org (WIDGET_TOKEN_2, OPERATOR_EMAIL_2, OPERATOR_PASSWORD_2); "
                    + "deploy/local/up seeds it");
            return;
        }
        JsonNode login = b.login(cfg.operatorEmail2(), cfg.operatorPassword2());
        String token = login.get("accessToken").asString();
        String role = login.path("operator").path("role").asString("");
        if (!role.equalsIgnoreCase("ADMIN")) {
            skip(out, cfg.operatorEmail2() + " is not an admin (role '" + role + "'): it cannot change the AI settings");
            return;
        }
        JsonNode before = settings("GET", token, null);
        out.put("settingsBefore", redacted(before));

        Map<Long, Bench.Pending> byRef = new ConcurrentHashMap<>();
        List<Scenarios.Conv> convs = new ArrayList<>();
        try (StubModel stub = new StubModel(byRef::get)) {
            log("stub model: OpenAI-compatible server on %s (Globex's AI settings point there during this phase)", stub.baseUrl());
            Thread restoreOnExit = new Thread(() -> restore(token, before, true), "perf-restore-ai-settings");
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
            try {
                JsonNode now = settings("PUT", token, stubSettings(before, stub.baseUrl()));
                if (!"openai".equals(now.path("responder").asString(""))) {
                    throw new IllegalStateException("after PUT /api/v1/settings/ai the responder is "
                            + now.path("responder") + ", not openai");
                }
                out.put("settingsDuring", redacted(now));
                log("creating %d Globex visitors (widget session + conversation + SSE stream through the gateway)", CONVERSATIONS);
                for (int i = 0; i < CONVERSATIONS; i++) {
                    convs.add(s.createConversation(cfg.widgetToken2()));
                }
                List<Map<String, Object>> runs = new ArrayList<>();
                out.put("runs", runs);
                boolean first = true;
                for (int ttft : cfg.stubTtftsMs()) {
                    stub.ttftMs = ttft;
                    Bench.sleep(2000);
                    if (first) {
                        log("stub warm-up: 5 s at %s/s (time to first token %d ms)", cfg.stubRate(), ttft);
                        Bench.Phase warm = new Bench.Phase("stub-warmup", true);
                        warm.byRef = byRef;
                        s.runPhase(warm, s.live(convs), cfg.stubRate(), 5, cfg.gateway(), 1);
                        first = false;
                    }
                    Map<String, Long> countersBefore = stub.counters();
                    Bench.Phase p = new Bench.Phase("stub-ttft-" + ttft, true);
                    p.byRef = byRef;
                    List<Scenarios.Conv> live = s.live(convs);
                    if (live.isEmpty()) {
                        b.note("stub: every Globex conversation left the AI; time to first token %d ms not measured", ttft);
                        break;
                    }
                    log("stub: %s msgs/s for %d s over %d Globex conversations, model time to first token %d ms",
                            cfg.stubRate(), cfg.stubSeconds(), live.size(), ttft);
                    s.runPhase(p, live, cfg.stubRate(), cfg.stubSeconds(), cfg.gateway(), 1);
                    Map<String, Object> r = summary(p, ttft, countersBefore, stub.counters());
                    runs.add(r);
                    log("  %s", r);
                }
                out.put("stubRequest", stub.sampleRequest);
                Map<String, Long> other = new LinkedHashMap<>();
                stub.otherPaths.forEach((k, v) -> other.put(k, v.get()));
                out.put("stubOtherRequests", other);
            } finally {
                out.put("settingsRestored", restore(token, before, false));
                try {
                    Runtime.getRuntime().removeShutdownHook(restoreOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
                convs.forEach(c -> {
                    if (c.stream != null) {
                        c.stream.close();
                    }
                });
            }
        }
    }

    private Map<String, Object> summary(Bench.Phase p, int ttft, Map<String, Long> before, Map<String, Long> after) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ttftMs", ttft);
        r.putAll(p.summary());
        Map<String, Object> stub = new LinkedHashMap<>();
        after.forEach((k, v) -> stub.put(k, v - before.getOrDefault(k, 0L)));
        r.put("stubServed", stub);
        Lat overhead = new Lat();
        Lat toModel = new Lat();
        Lat inModel = new Lat();
        Lat fromModel = new Lat();
        long model = 0;
        long builtin = 0;
        long other = 0;
        long fasterThanTtft = 0;
        long withoutStubCall = 0;
        long repeatedCalls = 0;
        double minMs = Double.NaN;
        long ttftNs = ttft * 1_000_000L;
        for (Bench.Pending x : p.open) {
            if (x.stubCalls.get() > 1) {
                repeatedCalls += x.stubCalls.get() - 1;
            }
            if (!x.aiSeen) {
                continue;
            }
            double ms = (x.aiArrivedNs - x.t0) / 1e6;
            minMs = Double.isNaN(minMs) ? ms : Math.min(minMs, ms);
            if ("openai".equals(x.responder)) {
                model++;
                if (x.aiArrivedNs - x.t0 < ttftNs) {
                    fasterThanTtft++;
                }
                overhead.record(x.t0 + ttftNs, x.aiArrivedNs);
                if (x.stubInNs != 0 && x.stubOutNs != 0) {
                    toModel.record(x.t0, x.stubInNs);
                    inModel.record(x.stubInNs, x.stubOutNs);
                    fromModel.record(x.stubOutNs, x.aiArrivedNs);
                } else {
                    withoutStubCall++;
                }
            } else if ("builtin".equals(x.responder)) {
                builtin++;
            } else {
                other++;
            }
        }
        r.put("repliesByModel", model);
        r.put("repliesByBuiltinFallback", builtin);
        r.put("repliesOther", other);
        r.put("modelRepliesFasterThanTtft", fasterThanTtft);
        r.put("modelRepliesWithoutStubCall", withoutStubCall);
        r.put("repeatedModelCalls", repeatedCalls);
        r.put("minAiReplyMs", Lat.round(minMs));
        r.put("platformOverhead", overhead.summary());
        r.put("postToModelCall", toModel.summary());
        r.put("modelCallHeld", inModel.summary());
        r.put("modelAnswerToStream", fromModel.summary());
        if (builtin > 0) {
            b.note("stub, time to first token %d ms: %d of %d AI replies came from the built-in fallback, not the model "
                    + "(see var/local/logs/ai-responder-service.log)", ttft, builtin, p.ai.count());
        }
        if (fasterThanTtft > 0) {
            b.note("stub, time to first token %d ms: %d model replies arrived sooner than the time to first token "
                    + "(a reply matched to the wrong message?)", ttft, fasterThanTtft);
        }
        return r;
    }

    private void skip(Map<String, Object> out, String why) {
        out.put("skipped", why);
        b.note("stub phase skipped: %s", why);
    }

    /** Globex's settings, with the stub as its OpenAI-compatible endpoint; everything else as it was. */
    private static ObjectNode stubSettings(JsonNode before, String baseUrl) {
        ObjectNode n = Bench.JSON.createObjectNode();
        copy(before, n, "systemPrompt");
        copy(before, n, "temperature");
        copy(before, n, "customHandoffInstructions");
        n.put("model", "perf-stub");
        n.put("baseUrl", baseUrl);
        n.put("enabled", true);
        if (!before.path("apiKeyConfigured").asBoolean(false)) {
            // the stub ignores the key; an org key already there is kept (the stub never reads or stores it)
            n.put("apiKey", "perf-stub");
        }
        return n;
    }

    /** Puts back what GET answered before the phase; the key: removed when there was none, else left as stored. */
    private boolean restore(String token, JsonNode before, boolean fromShutdownHook) {
        ObjectNode n = Bench.JSON.createObjectNode();
        for (String f : List.of("systemPrompt", "model", "temperature", "customHandoffInstructions", "baseUrl")) {
            copy(before, n, f);
        }
        n.put("enabled", before.path("enabled").asBoolean(true));
        if (!before.path("apiKeyConfigured").asBoolean(false)) {
            n.put("apiKey", "");
        }
        try {
            JsonNode now = settings("PUT", token, n);
            log("Globex's AI settings restored%s: responder %s, baseUrl %s", fromShutdownHook ? " (on exit)" : "",
                    now.path("responder").asString("?"), now.path("baseUrl").isMissingNode() ? "default" : now.path("baseUrl"));
            return true;
        } catch (Exception e) {
            String msg = String.format("restoring Globex's AI settings failed (%s); put them back by hand with "
                    + "PUT /api/v1/settings/ai as %s: %s", e.getMessage(), cfg.operatorEmail2(), redacted(n));
            if (fromShutdownHook) {
                System.err.println("[perf] " + msg);
            } else {
                b.note("%s", msg);
            }
            return false;
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(field, v);
        }
    }

    private static Map<String, Object> redacted(JsonNode n) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Bench.JSON.convertValue(n, LinkedHashMap.class);
        if (m.containsKey("apiKey")) {
            m.put("apiKey", "***");
        }
        m.remove("systemPrompt");
        m.remove("customHandoffInstructions");
        return m;
    }

    private JsonNode settings(String method, String token, JsonNode body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(cfg.gateway() + "/api/v1/settings/ai"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
        if (body == null) {
            req.GET();
        } else {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 400 && r.body().contains("baseUrl")) {
            throw new IllegalStateException("the AI service refuses the stub model's loopback address as an org's model "
                    + "endpoint; start the local run with AI_ALLOWED_PRIVATE_HOSTS=127.0.0.1 for the stub phase ("
                    + r.body().substring(0, Math.min(300, r.body().length())) + ")");
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " /api/v1/settings/ai answered HTTP " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
        return Bench.JSON.readTree(r.body());
    }
}
