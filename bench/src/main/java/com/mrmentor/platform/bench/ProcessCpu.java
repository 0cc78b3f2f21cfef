package com.mrmentor.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time read from Linux's /proc, so that a run can say where the two cores went: the server, PostgreSQL (every
 * process named {@code postgres}, including the backends serving pgbench or the suite's own checks) and this load
 * generator. Each reading is user + system seconds so far; a run subtracts the reading at its start. On a system
 * without /proc every reading is NaN and the table shows "-".
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux this runs on

    private ProcessCpu() {
    }

    static double ofProcess(long pid) {
        return seconds(Path.of("/proc", Long.toString(pid), "stat"));
    }

    static double ofThisProcess() {
        return ofProcess(ProcessHandle.current().pid());
    }

    /**
     * Every PostgreSQL process's CPU so far. Backends that exited since the last reading take their CPU with them,
     * which is why the suite keeps its connections open while it measures (the server's pool does too).
     */
    static double ofPostgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(ProcessCpu::isPostgres)
                    .mapToDouble(p -> {
                        double seconds = seconds(p.resolve("stat"));
                        return Double.isNaN(seconds) ? 0 : seconds;
                    })
                    .sum();
        } catch (IOException | RuntimeException noProc) {
            return Double.NaN;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    private static double seconds(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }
}
