package org.counterspace.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Spring context against the PostgreSQL at 127.0.0.1:5432 (database {@code test}, trust
 * auth) in a schema of its own, so runs never see each other's rows. Skips where no PostgreSQL
 * answers, but fails under CI, which always has one.
 */
public final class PostgresTestSupport {

    public static final String HOST = System.getenv().getOrDefault("COUNTERSPACE_TEST_PG_HOST", "127.0.0.1");

    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("COUNTERSPACE_TEST_PG_PORT", "5432"));

    public static final String DATABASE = System.getenv().getOrDefault("COUNTERSPACE_TEST_PG_DB", "test");

    public static final String USER = System.getenv().getOrDefault("COUNTERSPACE_TEST_PG_USER", "postgres");

    private PostgresTestSupport() {
    }

    public static void assumeAvailable() {
        boolean available = answers();
        if (!available && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs PostgreSQL on " + HOST + ":" + PORT);
        }
        Assumptions.assumeTrue(available, "No PostgreSQL on " + HOST + ":" + PORT + ": PostgreSQL tests skipped");
    }

    static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        }
        catch (Exception e) {
            return false;
        }
    }

    public static String newSchema() {
        return "cs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    public static String jdbcUrl(String schema) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE + "?currentSchema=" + schema;
    }

    /** The properties that point an app at a fresh schema; Flyway creates it and runs every migration there. */
    public static Map<String, Object> properties(String schema) {
        return Map.of("spring.datasource.url", jdbcUrl(schema), "spring.datasource.username", USER,
                "spring.datasource.password", "", "spring.flyway.schemas", schema, "spring.flyway.default-schema",
                schema);
    }

    public static void dropSchema(String schema) throws SQLException {
        if (!answers()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("public"), USER, "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
