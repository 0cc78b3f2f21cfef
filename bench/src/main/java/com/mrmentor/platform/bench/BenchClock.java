package com.mrmentor.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The benchmark's clock inside the server: the machine's time plus an offset the benchmark writes to a file. A booking
 * can only be completed once its session has started, at least 12 hours after it was requested; the booking workload
 * moves this clock past the sessions instead of waiting for them. It reaches the server as an extra jar on Spring
 * Boot's {@code loader.path} ({@link BenchClockConfiguration} makes it the primary {@link Clock}); the server jar
 * itself is the one that ships.
 */
public final class BenchClock extends Clock {

    static final String OFFSET_FILE_PROPERTY = "bench.clock.offset-file";

    private static volatile long offsetMillis;
    private static volatile boolean following;

    private final ZoneId zone;

    BenchClock(ZoneId zone) {
        this.zone = zone;
        followOffsetFile();
    }

    /** Re-reads the offset file every 50 ms on a daemon thread (once per JVM). */
    private static synchronized void followOffsetFile() {
        String file = System.getProperty(OFFSET_FILE_PROPERTY);
        if (following || file == null) {
            return;
        }
        following = true;
        Path path = Path.of(file);
        Thread reader = new Thread(() -> {
            while (true) {
                try {
                    offsetMillis = Long.parseLong(Files.readString(path).strip());
                    Thread.sleep(50); // how often the server follows the benchmark's clock file
                } catch (InterruptedException stop) {
                    return;
                } catch (IOException | NumberFormatException beingWritten) {
                    // the benchmark replaces the file atomically; read again next time
                }
            }
        }, "bench-clock");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BenchClock(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis);
    }

    static BenchClock utc() {
        return new BenchClock(ZoneOffset.UTC);
    }

    /**
     * Writes the jar the server loads the clock from: these two classes and the auto-configuration entry naming
     * {@link BenchClockConfiguration}.
     */
    static Path extensionJar(Path directory) throws IOException {
        Path jar = directory.resolve("bench-clock.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : List.of(BenchClock.class, BenchClockConfiguration.class)) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = BenchClock.class.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
            out.write((BenchClockConfiguration.class.getName() + "\n").getBytes());
            out.closeEntry();
        }
        return jar;
    }
}
