package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyProcess;
import io.rectify.intake.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two machines sharing one PostgreSQL database, each with its own data and output folder (here two
 * processes with different folders): while one runs a nightly the other's is refused, named the
 * holder; a holder killed with {@code kill -9} leaves a lock that expires within its time-to-live,
 * after which the next run takes it. Runs on the server of {@code rectify.test.postgresql.url}
 * (user and password rectify), in a database of its own.
 */
class SharedServerDatabaseIT {

    private static final String SERVER = System.getProperty("rectify.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:55432/postgres");
    private static final String USER = "rectify";
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final String PAUSED = "paused before replacing";

    @TempDir
    static Path root;

    private static Path input;
    private static String database;
    private static String url;

    @BeforeAll
    static void inputAndADatabase() throws SQLException {
        input = root.resolve("input");
        NightlyFixture.standard(input);
        database = "rectify_test_" + Instant.now().getEpochSecond() + "_lock" + ProcessHandle.current().pid();
        try (Connection server = DriverManager.getConnection(SERVER, USER, USER);
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, USER, USER);
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aNightlyOnAnotherMachineWhileOneRunsEndsAtOnceNamingTheHolder() throws Exception {
        Path resume = root.resolve("resume");
        RectifyProcess first = paused("first", resume);
        first.awaitOutput(PAUSED);

        RectifyProcess.Result second = RectifyProcess.run(root.resolve("second/logs"), settings(Map.of()), "nightly",
                "--input=" + input, "--output=" + root.resolve("second/output"), "--data=" + root.resolve("second/data"));

        assertThat(second.exit()).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(second.err()).contains("另一个 Rectify 进程正在写入同一个数据库", "进程 " + first.pid() + "（nightly）",
                "本次未运行");
        assertThat(second.out()).as("it started nothing").doesNotContain("Starting nightlyJob");
        assertThat(root.resolve("second/output/2024-03")).doesNotExist();

        Files.createFile(resume);
        first.await();
        assertThat(holder()).as("released when its holder ended").isEmpty();
    }

    @Test
    void aKilledHoldersLockExpiresWithinItsTimeToLiveAndTheNextRunTakesIt() throws Exception {
        RectifyProcess killed = paused("killed", root.resolve("never"));
        killed.awaitOutput(PAUSED);

        killed.kill();
        Instant kill = Instant.now();

        Optional<Lock> left = holder();
        assertThat(left).as("the killed process could not release it").isPresent();
        assertThat(left.get().clientId()).endsWith(" " + killed.pid() + " nightly");
        Instant expires = left.get().expiredAfter();
        assertThat(Duration.between(kill, expires)).isLessThanOrEqualTo(TTL);
        while (Instant.now().isBefore(expires)) {
            Thread.sleep(100);
        }

        RectifyProcess.Result next = RectifyProcess.run(root.resolve("next/logs"), settings(Map.of()), "import-ledger",
                "--input=" + input, "--output=" + root.resolve("next/output"), "--data=" + root.resolve("next/data"));

        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.err()).doesNotContain("另一个 Rectify 进程");
        assertThat(holder()).isEmpty();
    }

    private static RectifyProcess paused(String name, Path resume) throws IOException {
        String returnCopy;
        try (InputStream in = Files.newInputStream(input.resolve("returns/2024-03/第二组/U03.xlsx"))) {
            returnCopy = Sha256.of(in);
        }
        return RectifyProcess.start(root.resolve(name).resolve("logs"),
                settings(Map.of(PausePoint.PAUSE_BEFORE, returnCopy, PausePoint.RESUME_WHEN, resume.toString())),
                "nightly", "--input=" + input, "--output=" + root.resolve(name).resolve("output"),
                "--data=" + root.resolve(name).resolve("data"));
    }

    private static Map<String, String> settings(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(more);
        all.put("spring.datasource.url", url);
        all.put("spring.datasource.username", USER);
        all.put("spring.datasource.password", USER);
        all.put("rectify.server-lock-ttl", TTL.toString());
        return all;
    }

    private record Lock(String clientId, Instant expiredAfter) {
    }

    /** The lock's row while it has not expired, as the registry wrote it (times in UTC). */
    private static Optional<Lock> holder() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, USER);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT client_id, expired_after FROM int_lock")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Instant expires = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            return expires.isBefore(Instant.now()) ? Optional.empty() : Optional.of(new Lock(rs.getString(1).strip(), expires));
        }
    }
}
