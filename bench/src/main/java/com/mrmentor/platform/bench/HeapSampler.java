package com.mrmentor.platform.bench;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The server's heap in use, read every 500 ms from its metrics endpoint (as the administrator). */
final class HeapSampler {
    private final AtomicLong peakBytes = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HeapSampler(BenchServer server) {
        thread = new Thread(() -> {
            String token = null;
            while (running.get()) {
                try {
                    if (token == null) {
                        token = server.login();
                    }
                    HttpResponse<String> response = server.raw("GET",
                            "/actuator/metrics/jvm.memory.used?tag=area:heap", token, null);
                    if (response.statusCode() == 401) {
                        token = null;
                    } else if (response.statusCode() == 200) {
                        long used = (long) BenchServer.JSON.readTree(response.body()).get("measurements").get(0)
                                .get("value").asDouble();
                        peakBytes.accumulateAndGet(used, Math::max);
                    }
                    Thread.sleep(500); // sampling, not a test
                } catch (InterruptedException stop) {
                    return;
                } catch (Exception notNow) {
                    token = null;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void reset() {
        peakBytes.set(0);
    }

    double peakMiB() {
        return peakBytes.get() / (1024.0 * 1024.0);
    }

    void stop() {
        running.set(false);
        thread.interrupt();
    }
}
