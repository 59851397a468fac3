package io.rectify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL server of the {@code city-postgresql} case: the build's own ({@code .ci/ensure-postgresql}
 * starts it when it is not running: 127.0.0.1:55432, role rectify), or the one the option
 * {@code postgresql=jdbc:postgresql://host:port/postgres} names (same role). Each measured variant gets a
 * fresh, empty database on it.
 */
final class PostgresServer {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/postgres";
    private static final String USER = "rectify";
    private static final String PASSWORD = "rectify";

    private final String adminUrl;

    private PostgresServer(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** The server at {@code url}; the build's own when {@code url} is null, started by its script if needed. */
    static PostgresServer ensure(Path project, Path work, String url) throws IOException, InterruptedException {
        if (url != null) {
            return new PostgresServer(url);
        }
        Path script = project.resolve(".ci").resolve("ensure-postgresql");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("city-postgresql: " + script + " is missing; name a server with "
                    + "postgresql=jdbc:postgresql://HOST:PORT/postgres (role rectify, password rectify, CREATEDB)");
        }
        Processes.Run run = Processes.command(work, List.of(script.toString()));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("city-postgresql: " + script + " failed:\n" + run.output());
        }
        return new PostgresServer(DEFAULT_URL);
    }

    /** Drops {@code name} if it is there and creates it empty; its database settings for a child process. */
    Database fresh(String name, Path dataFolder) throws SQLException {
        try (Connection db = DriverManager.getConnection(adminUrl, USER, PASSWORD); Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name);
        }
        return new Database(dataFolder, adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name, USER, PASSWORD);
    }

    String url() {
        return adminUrl;
    }

    /** The server's version and the settings that weigh on a night's writes, for the document. */
    String settings() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection db = DriverManager.getConnection(adminUrl, USER, PASSWORD); Statement sql = db.createStatement()) {
            for (String setting : List.of("server_version", "synchronous_commit", "shared_buffers", "fsync")) {
                try (ResultSet rs = sql.executeQuery("SHOW " + setting)) {
                    rs.next();
                    text.append(text.isEmpty() ? "" : ", ").append(setting).append(" ").append(rs.getString(1));
                }
            }
        }
        return text.toString();
    }
}
