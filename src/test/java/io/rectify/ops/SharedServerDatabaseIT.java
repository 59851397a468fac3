package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rectify.NightlyFixture;
import io.rectify.RectifyProcess;
import io.rectify.TestDatabase;
import io.rectify.intake.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two machines sharing one PostgreSQL database, each with its own data and output folder (here two
 * processes with different folders): while one runs a nightly the other's is refused, named the
 * holder; a holder killed with {@code kill -9} leaves a lock that expires within its time-to-live,
 * after which the next run takes it. Runs in the failsafe execution "postgresql" only (with H2 the
 * database is a file of one data folder, which its file lock guards: KilledAndConcurrentRunsIT).
 */
class SharedServerDatabaseIT {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final String PAUSED = "paused before replacing";

    @TempDir
    static Path root;

    private static Path input;

    @BeforeAll
    static void input() {
        assumeTrue(TestDatabase.postgresql(), "a server database: the failsafe execution postgresql");
        input = root.resolve("input");
        NightlyFixture.standard(input);
    }

    @Test
    void aNightlyOnAnotherMachineWhileOneRunsEndsAtOnceNamingTheHolder() throws Exception {
        Path resume = root.resolve("resume");
        Path database = root.resolve("first/data");
        RectifyProcess first = paused("first", database, resume);
        first.awaitOutput(PAUSED);

        RectifyProcess.Result second = run("second", database);

        assertThat(second.exit()).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(second.err()).contains("另一个 Rectify 进程正在写入同一个数据库", "进程 " + first.pid() + "（nightly）",
                "本次未运行");
        assertThat(second.out()).as("it started nothing").doesNotContain("Starting nightlyJob");
        assertThat(root.resolve("second/output/2024-03")).doesNotExist();

        Files.createFile(resume);
        RectifyProcess.Result finished = first.await();
        assertThat(finished.exit()).as(finished.err()).isZero();
        assertThat(holder(database)).as("released when its holder ended").isEmpty();
    }

    @Test
    void aKilledHoldersLockExpiresWithinItsTimeToLiveAndTheNextRunTakesIt() throws Exception {
        Path database = root.resolve("killed/data");
        RectifyProcess killed = paused("killed", database, root.resolve("never"));
        killed.awaitOutput(PAUSED);

        killed.kill();
        Instant kill = Instant.now();

        Optional<Lock> left = holder(database);
        assertThat(left).as("the killed process could not release it").isPresent();
        assertThat(left.get().clientId()).endsWith(" " + killed.pid() + " nightly");
        Instant expires = left.get().expiredAfter();
        assertThat(Duration.between(kill, expires)).isLessThanOrEqualTo(TTL);
        while (Instant.now().isBefore(expires)) {
            Thread.sleep(100);
        }

        RectifyProcess.Result next = run("next", database);

        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.out()).contains("Holding the database's writer lock");
        assertThat(holder(database)).isEmpty();
    }

    /** A nightly of the machine {@code name}, with its own folders, on the database of {@code database}'s folder. */
    private static RectifyProcess paused(String name, Path database, Path resume) throws IOException {
        String returnCopy;
        try (InputStream in = Files.newInputStream(input.resolve("returns/2024-03/第二组/U03.xlsx"))) {
            returnCopy = Sha256.of(in);
        }
        return start(name, database, Map.of(PausePoint.PAUSE_BEFORE, returnCopy, PausePoint.RESUME_WHEN, resume.toString()));
    }

    private static RectifyProcess.Result run(String name, Path database) {
        return start(name, database, Map.of()).await();
    }

    private static RectifyProcess start(String name, Path database, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(TestDatabase.properties(database));
        all.put("rectify.server-lock-ttl", TTL.toString());
        return RectifyProcess.start(root.resolve(name).resolve("logs"), all, "nightly", "--input=" + input,
                "--output=" + root.resolve(name).resolve("output"), "--data=" + root.resolve(name).resolve("data"));
    }

    private record Lock(String clientId, Instant expiredAfter) {
    }

    /** The lock's row while it has not expired, as the registry wrote it (times in UTC). */
    private static Optional<Lock> holder(Path database) throws SQLException {
        try (Connection connection = TestDatabase.connect(database);
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
