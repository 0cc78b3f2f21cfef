package com.mrmentor.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
     * Every PostgreSQL process's CPU so far: the live processes' own, plus what the postmaster has reaped from the
     * backends and workers that exited (its children's CPU), so that a connection closed or an autovacuum worker
     * finished during a run still counts. NaN when no PostgreSQL process is visible (a server on another host).
     */
    static double ofPostgres() {
        List<Path> postgres;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            postgres = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(ProcessCpu::isPostgres)
                    .toList();
        } catch (IOException | RuntimeException noProc) {
            return Double.NaN;
        }
        if (postgres.isEmpty()) {
            return Double.NaN;
        }
        double total = 0;
        for (Path process : postgres) {
            String[] fields = fields(process.resolve("stat"));
            if (fields == null) {
                continue; // exited meanwhile: the postmaster has its CPU now
            }
            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
            if (!isPostgres(Path.of("/proc", fields[1]))) { // the postmaster: its parent is not a postgres process
                total += (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND; // cutime, cstime
            }
        }
        return total;
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    private static double seconds(Path stat) {
        String[] fields = fields(stat);
        return fields == null ? Double.NaN
                : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
    }

    /** The fields of /proc/[pid]/stat after the command name: [0] state, [1] parent pid, [11] utime, ... */
    private static String[] fields(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
