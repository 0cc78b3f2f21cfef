package com.mrmentor.platform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Makes the benchmark's PostgreSQL keep its statistics and clean up after itself as a production server does.
 *
 * <p>The machines here run PostgreSQL with {@code autovacuum = off} (their CI configuration). On a database the suite
 * has just created, nothing is then ever analysed: a prepared statement planned while {@code domain_event_entry}
 * held a few rows keeps a sequential scan as the table grows (the aggregate cache's version check read about 200
 * pages per command instead of 4), and the token store's rows, updated hundreds of times a second, are never
 * vacuumed. Those are figures of a misconfigured database, not of the platform. So, unless
 * {@code --autovacuum=leave} is given, a run turns autovacuum on for its duration ({@code ALTER SYSTEM} and a reload)
 * and puts the setting back afterwards, also when the run is interrupted (a shutdown hook; not after {@code kill -9});
 * each step is printed. The setting is the whole server's: do not run the suite beside tests that need it off. It
 * needs a superuser connection, which the benchmark's trust-authenticated {@code postgres} user is.
 */
final class Autovacuum implements AutoCloseable {

    private final String dbHost;
    /** How to put the setting back, or null when the run changed nothing. */
    private final String restore;
    private final Thread onInterrupt;

    private Autovacuum(String dbHost, String restore) {
        this.dbHost = dbHost;
        this.restore = restore;
        // Ctrl-C or a Maven timeout must not leave the shared server changed (ALTER SYSTEM survives restarts)
        this.onInterrupt = restore == null ? null : new Thread(this::restoreQuietly, "bench-autovacuum-restore");
        if (onInterrupt != null) {
            Runtime.getRuntime().addShutdownHook(onInterrupt);
        }
    }

    static Autovacuum onForTheRun(String dbHost, String option) throws Exception {
        String choice = option == null ? "on" : option;
        if (!choice.equals("on") && !choice.equals("leave")) {
            throw new IllegalArgumentException("--autovacuum is on or leave, not " + option);
        }
        try (Connection db = connect(dbHost); Statement statement = db.createStatement()) {
            if ("on".equals(show(statement))) {
                System.out.println("PostgreSQL: autovacuum is on");
                return new Autovacuum(dbHost, null);
            }
            if (choice.equals("leave")) {
                System.out.println("PostgreSQL: autovacuum is OFF and left off (--autovacuum=leave): statistics and "
                        + "vacuums only as the workloads' own ANALYZE makes them");
                return new Autovacuum(dbHost, null);
            }
            // off set by an earlier ALTER SYSTEM (postgresql.auto.conf) is put back as it was; off from a
            // configuration file comes back by removing ours
            String restore = setByAlterSystem(statement) ? "ALTER SYSTEM SET autovacuum = off"
                    : "ALTER SYSTEM RESET autovacuum";
            statement.execute("ALTER SYSTEM SET autovacuum = on");
            statement.execute("SELECT pg_reload_conf()");
            Autovacuum run = new Autovacuum(dbHost, restore);
            if (!awaitSetting(statement, "on")) {
                run.close();
                throw new IllegalStateException("autovacuum stayed off after ALTER SYSTEM and a reload (set on the "
                        + "server's command line?); run with -Dbench.autovacuum=leave to measure as it is");
            }
            System.out.println("PostgreSQL: autovacuum was off on this server; turned on for the run (ALTER SYSTEM), "
                    + "put back afterwards");
            return run;
        }
    }

    /** Fresh statistics for a database the benchmark has just filled, before anything is measured on it. */
    static void analyze(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    @Override
    public void close() throws Exception {
        if (restore == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it restores
        }
        restoreSetting();
        System.out.println("PostgreSQL: autovacuum setting put back (" + restore + ")");
    }

    private void restoreQuietly() {
        try {
            restoreSetting();
        } catch (Exception unreachable) {
            System.err.println("PostgreSQL: could not put autovacuum back (" + restore + "): " + unreachable);
        }
    }

    private synchronized void restoreSetting() throws Exception {
        try (Connection db = connect(dbHost); Statement statement = db.createStatement()) {
            statement.execute(restore);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static boolean setByAlterSystem(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT sourcefile FROM pg_settings WHERE name = 'autovacuum'")) {
            return rs.next() && rs.getString(1) != null && rs.getString(1).endsWith("postgresql.auto.conf");
        }
    }

    /** pg_reload_conf() only signals the server; the new value shows a moment later. */
    private static boolean awaitSetting(Statement statement, String value) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (value.equals(show(statement))) {
                return true;
            }
            Thread.sleep(100); // waiting for the postmaster to reload its configuration
        }
        return false;
    }

    private static String show(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("SHOW autovacuum")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(String dbHost) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":5432/postgres", "postgres", "");
    }
}
