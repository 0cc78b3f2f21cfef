package com.mrmentor.platform.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the clients of one workload saw: latency of every answered command, and errors by kind. */
final class Recorder {

    private final List<Long> latencyNanos = new ArrayList<>();
    private final List<Long> lagNanos = new ArrayList<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, Long> expectedRefusals = new TreeMap<>();

    synchronized void latency(long nanos) {
        latencyNanos.add(nanos);
    }

    synchronized void lag(long nanos) {
        lagNanos.add(nanos);
    }

    synchronized void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    /** An answer the workload expects (e.g. {@code insufficient-tokens} on a hot wallet): counted, not an error. */
    synchronized void refused(String kind) {
        expectedRefusals.merge(kind, 1L, Long::sum);
    }

    synchronized long commands() {
        return latencyNanos.size();
    }

    synchronized long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Map<String, Long> errors() {
        return new TreeMap<>(errors);
    }

    synchronized Map<String, Long> refusals() {
        return new TreeMap<>(expectedRefusals);
    }

    synchronized double latencyMillis(double percentile) {
        return percentile(latencyNanos, percentile);
    }

    synchronized double lagMillis(double percentile) {
        return percentile(lagNanos, percentile);
    }

    synchronized int lagSamples() {
        return lagNanos.size();
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
