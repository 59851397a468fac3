package io.rectify;

import io.rectify.ops.DatabasePassword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database the tests give a data folder. By default none: the application's own H2 file under
 * {@code <data>/db/}. With the system property {@value #SWITCH}{@code =postgresql} (the failsafe
 * execution "postgresql"), a fresh, empty PostgreSQL database per data folder, created on the server
 * of {@value #SERVER_URL} (default {@value #DEFAULT_SERVER}, user and password {@value #USER}: the
 * server and role {@code .ci/ensure-postgresql} sets up). Its name is kept in the data folder
 * ({@value #MARKER}), so every process and context started on that folder (a test context, the
 * command line run in the test's JVM, a child JVM) finds the same database, and a folder emptied
 * for a new run gets a new one.
 */
public final class TestDatabase {

    public static final String SWITCH = "rectify.test.database";
    public static final String SERVER_URL = "rectify.test.postgresql.url";
    static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:55432/postgres";
    static final String USER = "rectify";
    static final String MARKER = "test-postgresql-database";
    /** What the marker says of a folder kept on H2 ({@link #keepOnH2}). */
    private static final String H2 = "h2";
    /** Databases a build made this long ago are dropped by a later build (kept meanwhile to look into). */
    private static final Duration KEPT = Duration.ofHours(3);
    private static final String PREFIX = "rectify_test_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private TestDatabase() {
    }

    /** Whether this JVM's tests run on PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty(SWITCH, "h2"));
    }

    /** The switch and the server, as JVM options for a child process, so it runs on the same database. */
    public static Map<String, String> switches() {
        Map<String, String> switches = new LinkedHashMap<>();
        if (postgresql()) {
            switches.put(SWITCH, "postgresql");
            switches.put(SERVER_URL, server());
        }
        return switches;
    }

    /**
     * The {@code spring.datasource.*} properties that put the application of {@code data} on its test
     * database: none for H2 (the application's default), else the URL, user and password of the
     * folder's PostgreSQL database, created when the folder has none yet.
     */
    public static Map<String, String> properties(Path data) {
        if (!postgresql() || database(data).equals(H2)) {
            return Map.of();
        }
        return Map.of("spring.datasource.url", url(database(data)), "spring.datasource.username", USER,
                "spring.datasource.password", USER);
    }

    /** Keeps {@code data} on its H2 file when the tests run on PostgreSQL: for a test that compares the two. */
    public static void keepOnH2(Path data) {
        try {
            Files.createDirectories(data);
            Files.writeString(data.resolve(MARKER), H2, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the database of {@code data}: {@link #connect(Path, String)} with no H2 options. */
    public static Connection connect(Path data) throws SQLException {
        return connect(data, "");
    }

    /**
     * A connection to the database of {@code data}, for a test to look into once the application that
     * had it open ended: its H2 file (with {@code h2Options} added to the URL) or its PostgreSQL database.
     */
    public static Connection connect(Path data, String h2Options) throws SQLException {
        if (postgresql() && !database(data).equals(H2)) {
            return DriverManager.getConnection(url(database(data)), USER, USER);
        }
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/rectify") + ";MAX_COMPACT_TIME=0" + h2Options,
                DatabasePassword.USER, DatabasePassword.current(data));
    }

    private static String server() {
        return System.getProperty(SERVER_URL, DEFAULT_SERVER);
    }

    private static String url(String database) {
        String server = server();
        int slash = server.lastIndexOf('/');
        int query = server.indexOf('?', slash);
        return server.substring(0, slash + 1) + database + (query < 0 ? "" : server.substring(query));
    }

    /** The name of the folder's database: the one its marker names, else a new one, created and named there. */
    private static synchronized String database(Path data) {
        Path marker = data.toAbsolutePath().resolve(MARKER);
        try {
            if (Files.exists(marker)) {
                return Files.readString(marker, StandardCharsets.US_ASCII).strip();
            }
            sweep();
            String name = PREFIX + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(random());
            execute("CREATE DATABASE " + name);
            Files.createDirectories(data);
            Path written = Files.writeString(data.resolve("." + MARKER + "-" + name), name, StandardCharsets.US_ASCII);
            try {
                // two processes starting on one new folder at once: the first database named in place is the folder's
                Files.move(written, marker);
                return name;
            } catch (FileAlreadyExistsException e) {
                Files.delete(written);
                execute("DROP DATABASE " + name);
                return Files.readString(marker, StandardCharsets.US_ASCII).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Drops the test databases earlier builds left, once per JVM. */
    private static void sweep() {
        if (!SWEPT.compareAndSet(false, true)) {
            return;
        }
        long before = Instant.now().minus(KEPT).getEpochSecond();
        List<String> old = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server(), USER, USER);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < before) {
                    old.add(name);
                }
            }
        } catch (SQLException e) {
            throw serverFailure(e);
        }
        for (String name : old) {
            try {
                execute("DROP DATABASE IF EXISTS " + name);
            } catch (IllegalStateException e) {
                // still in use by a build that runs long: a later sweep drops it
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server(), USER, USER);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw serverFailure(e);
        }
    }

    private static IllegalStateException serverFailure(SQLException e) {
        return new IllegalStateException("the PostgreSQL test server " + server() + " (user " + USER + ") failed: " + e.getMessage()
                + ". .ci/ensure-postgresql sets it up; -D" + SERVER_URL + "=... names another", e);
    }
}
