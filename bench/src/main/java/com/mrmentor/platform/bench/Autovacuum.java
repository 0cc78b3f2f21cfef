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
 * and resets the setting afterwards; the change is printed. It needs a superuser connection, which the benchmark's
 * trust-authenticated {@code postgres} user is.
 */
final class Autovacuum implements AutoCloseable {

    private final String dbHost;
    private final boolean turnedOn;

    private Autovacuum(String dbHost, boolean turnedOn) {
        this.dbHost = dbHost;
        this.turnedOn = turnedOn;
    }

    static Autovacuum onForTheRun(String dbHost, String option) throws Exception {
        try (Connection db = connect(dbHost); Statement statement = db.createStatement()) {
            boolean on = "on".equals(show(statement));
            if (on) {
                System.out.println("PostgreSQL: autovacuum is on");
                return new Autovacuum(dbHost, false);
            }
            if ("leave".equals(option)) {
                System.out.println("PostgreSQL: autovacuum is OFF and left off (--autovacuum=leave): statistics and "
                        + "vacuums only as the workloads' own ANALYZE makes them");
                return new Autovacuum(dbHost, false);
            }
            statement.execute("ALTER SYSTEM SET autovacuum = on");
            statement.execute("SELECT pg_reload_conf()");
            System.out.println("PostgreSQL: autovacuum was off on this server; turned on for the run (ALTER SYSTEM), "
                    + "reset afterwards");
            return new Autovacuum(dbHost, true);
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
        if (!turnedOn) {
            return;
        }
        try (Connection db = connect(dbHost); Statement statement = db.createStatement()) {
            statement.execute("ALTER SYSTEM RESET autovacuum");
            statement.execute("SELECT pg_reload_conf()");
            System.out.println("PostgreSQL: autovacuum setting reset to the server's configuration");
        }
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
