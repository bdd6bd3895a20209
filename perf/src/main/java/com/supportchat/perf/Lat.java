package com.supportchat.perf;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** A latency recording in microseconds (1 us .. 10 min, 3 significant digits), thread-safe. */
final class Lat {

    private final Histogram h = new Histogram(1, 600_000_000L, 3);
    private long firstNs = Long.MAX_VALUE;
    private long lastNs = Long.MIN_VALUE;
    /** Spans of earlier windows (a phase run in several blocks, with other work in between). */
    private long closedSpanNs;

    /** Records {@code endNs - startNs}; the window for throughput spans the starts and ends seen. */
    synchronized void record(long startNs, long endNs) {
        long us = Math.max(1, (endNs - startNs) / 1000);
        h.recordValue(Math.min(us, h.getHighestTrackableValue()));
        firstNs = Math.min(firstNs, startNs);
        lastNs = Math.max(lastNs, endNs);
    }

    synchronized long count() {
        return h.getTotalCount();
    }

    synchronized double ms(double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMs() {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    /** Completed operations per second over the windows from each block's first start to its last end. */
    synchronized double throughput() {
        long span = closedSpanNs + (lastNs > firstNs ? lastNs - firstNs : 0);
        if (h.getTotalCount() == 0 || span <= 0) {
            return 0;
        }
        return h.getTotalCount() / (span / 1e9);
    }

    /** Ends the current window: what is recorded next starts another, and the time between counts for nothing. */
    synchronized void closeWindow() {
        if (lastNs > firstNs) {
            closedSpanNs += lastNs - firstNs;
        }
        firstNs = Long.MAX_VALUE;
        lastNs = Long.MIN_VALUE;
    }

    double p50() {
        return ms(50);
    }

    double p95() {
        return ms(95);
    }

    double p99() {
        return ms(99);
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count());
        m.put("p50Ms", round(p50()));
        m.put("p95Ms", round(p95()));
        m.put("p99Ms", round(p99()));
        m.put("maxMs", round(maxMs()));
        m.put("throughputPerSec", round(throughput()));
        return m;
    }

    static Object round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Math.round(v * 100.0) / 100.0;
    }
}
