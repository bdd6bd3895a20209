package com.supportchat.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh, empty database per name and JVM on the real PostgreSQL (env {@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGPASSWORD}; defaults 127.0.0.1:5432, postgres). Dropped when the JVM exits.
 */
public final class PostgresTestDatabase {

    private static final Map<String, PostgresTestDatabase> CREATED = new ConcurrentHashMap<>();

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private PostgresTestDatabase(String prefix) {
        this.host = env("PGHOST", "127.0.0.1");
        this.port = Integer.parseInt(env("PGPORT", "5432"));
        this.user = env("PGUSER", "postgres");
        this.password = env("PGPASSWORD", "");
        this.name = (prefix + "_it_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"),
                "drop-" + name));
    }

    /** The database for this prefix in this JVM, created on first use. */
    public static PostgresTestDatabase forService(String prefix) {
        return CREATED.computeIfAbsent(prefix, PostgresTestDatabase::new);
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String name() {
        return name;
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is needed for integration tests ("
                    + sql + "): " + ex.getMessage(), ex);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
