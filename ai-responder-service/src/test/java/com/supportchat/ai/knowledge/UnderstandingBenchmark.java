package com.supportchat.ai.knowledge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import reactor.core.scheduler.Schedulers;

import com.supportchat.ai.understanding.IntentReader;
import com.supportchat.ai.understanding.LabelledMessage;
import com.supportchat.ai.understanding.LanguageDetector;
import com.supportchat.ai.understanding.Reading;
import com.supportchat.ai.understanding.SentenceEncoder;
import com.supportchat.ai.understanding.TriggerSettings;

/**
 * What reading a visitor message and searching the knowledge base cost per message: loads the models as the
 * service does (time and heap), then reads and searches every labelled message of the dev split at a fixed rate
 * and prints the latency distribution. Meant to run on one core ({@code perf/understanding} pins it with taskset
 * and -XX:ActiveProcessorCount=1). A command-line tool, not a test.
 */
public final class UnderstandingBenchmark {

    private UnderstandingBenchmark() {
    }

    public static void main(String[] args) {
        int rate = Integer.getInteger("bench.rate", 50);
        int rounds = Integer.getInteger("bench.rounds", 3);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        long started = System.nanoTime();
        SentenceEncoder encoder = new SentenceEncoder();
        long encoderMillis = (System.nanoTime() - started) / 1_000_000;
        LanguageDetector languages = new LanguageDetector();
        long languagesMillis = (System.nanoTime() - started) / 1_000_000 - encoderMillis;
        IntentReader reader = IntentReader.trained(encoder, languages);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        log("sentence model %d ms, language detector %d ms, training %d ms", encoderMillis, languagesMillis,
                loadMillis - encoderMillis - languagesMillis);
        long heapModels = usedHeapAfterGc(memory) - heapBefore;
        KnowledgeIndex index = RetrievalEvaluation.demoIndex(encoder, reader, RetrievalConfidence.load(),
                Schedulers.immediate()); // searched on the calling thread: its CPU time is the whole cost
        List<LabelledMessage> messages = LabelledMessage.readResource("/understanding/intent-dev.jsonl");

        // warm-up: the JIT compiles the hot paths
        for (LabelledMessage m : messages) {
            readAndSearch(reader, index, m);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> readMillis = new ArrayList<>();
        List<Double> detectMillis = new ArrayList<>();
        List<Double> embedMillis = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (LabelledMessage m : messages) {
                long now = System.nanoTime();
                if (now < next) {
                    LockSupport.parkNanos(next - now); // pacing the fixed rate, not waiting for a condition
                }
                next += intervalNanos;
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                readAndSearch(reader, index, m);
                millis.add((System.nanoTime() - t0) / 1e6);
                cpuMillis.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
                if (Boolean.getBoolean("bench.parts")) {
                    long t1 = System.nanoTime();
                    reader.read(m.text(), m.history(), TriggerSettings.DEFAULTS);
                    readMillis.add((System.nanoTime() - t1) / 1e6);
                    long t2 = System.nanoTime();
                    languages.detect(m.text());
                    detectMillis.add((System.nanoTime() - t2) / 1e6);
                    long t3 = System.nanoTime();
                    encoder.embed(m.text());
                    embedMillis.add((System.nanoTime() - t3) / 1e6);
                }
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        log("cores visible: %d, messages: %d at %d/s", Runtime.getRuntime().availableProcessors(), sorted.length, rate);
        log("models loaded and classifier trained in %d ms; heap held by them after GC: %.1f MiB", loadMillis,
                heapModels / 1048576.0);
        log("read + search per message: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
        double[] cpu = cpuMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        log("  CPU time of the reading thread: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (other processes on the core do "
                + "not change it)", percentile(cpu, 50), percentile(cpu, 95), percentile(cpu, 99));
        if (Boolean.getBoolean("bench.parts")) {
            for (var part : List.of(List.of("read only", readMillis), List.of("language detection", detectMillis),
                    List.of("embedding", embedMillis))) {
                @SuppressWarnings("unchecked")
                double[] p = ((List<Double>) part.get(1)).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                log("  %s: p50 %.2f ms, p99 %.2f ms", part.get(0), percentile(p, 50), percentile(p, 99));
            }
        }
        index.close();
    }

    private static void readAndSearch(IntentReader reader, KnowledgeIndex index, LabelledMessage m) {
        Reading reading = reader.read(m.text(), m.history(), TriggerSettings.DEFAULTS);
        if (reading.signals().isEmpty() && reading.smallTalk() == null) {
            index.search(RetrievalEvaluation.ORG, new SearchQuery(m.text(), reading.language(), reading.embedding()), 3)
                .block();
        }
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @SuppressWarnings("java:S106") // a command-line tool prints its results
    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
