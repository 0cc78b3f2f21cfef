package com.mrmentor.platform.runtime.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Makes sure the integration-test database exists on the local PostgreSQL server before Spring connects to it. */
final class TestDatabase {

    private static volatile boolean ensured;

    private TestDatabase() {
    }

    static synchronized void ensureExists() {
        if (ensured) {
            return;
        }
        String host = env("TEST_DB_HOST", "127.0.0.1");
        String name = env("TEST_DB_NAME", "mentor_platform_test");
        String user = env("TEST_DB_USER", "postgres");
        String password = env("TEST_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":5432/postgres", user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The integration tests need PostgreSQL at " + host + ":5432 (user "
                    + user + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) "
                    + "main start", e);
        }
        ensured = true;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
