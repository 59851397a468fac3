package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rectify.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database's writer lock on a real PostgreSQL database (the failsafe execution "postgresql"):
 * re-entrant within its holder, refused to another naming it, lost when another holder took it
 * over (its work told to stop). Two holders in one JVM stand for two processes: their client ids
 * differ by the command.
 */
class ServerLockTest {

    private static final Duration TTL = Duration.ofMillis(1500);

    @TempDir
    static Path data;

    private static DriverManagerDataSource dataSource;
    private static JdbcConnectionDetails connection;

    @BeforeAll
    static void theLockTable() throws IOException {
        assumeTrue(TestDatabase.postgresql(), "a server database: the failsafe execution postgresql");
        Map<String, String> properties = TestDatabase.properties(data);
        dataSource = new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
        connection = new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return dataSource.getUsername();
            }

            @Override
            public String getPassword() {
                return dataSource.getPassword();
            }

            @Override
            public String getJdbcUrl() {
                return dataSource.getUrl();
            }
        };
        try (InputStream v12 = ServerLock.class.getResourceAsStream("/db/migration/common/V12__server_lock.sql")) {
            new JdbcTemplate(dataSource).execute(new String(v12.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void heldAgainWithinItsProcessRefusedToAnotherNamingItThenFreeOnceClosed() throws Exception {
        ServerLock nightly = new ServerLock(dataSource, connection, TTL);
        ServerLock other = new ServerLock(dataSource, connection, TTL);
        try {
            ServerLock.Hold outer = nightly.acquire("nightly", () -> { });
            ServerLock.Hold inner = nightly.acquire("nightly", () -> { });
            assertThatThrownBy(() -> other.acquire("templates", () -> { })).isInstanceOf(DataLock.Busy.class)
                    .hasMessageContaining("另一个 Rectify 进程正在写入同一个数据库")
                    .hasMessageContaining("进程 " + ProcessHandle.current().pid() + "（nightly）");
            assertThat(other.otherHolder()).isPresent();
            inner.close();
            assertThat(clientIds()).as("held while an outer hold is open").hasSize(1);
            outer.close();
            assertThat(clientIds()).isEmpty();
            other.acquire("templates", () -> { }).close();
        } finally {
            nightly.destroy();
            other.destroy();
        }
    }

    @Test
    void takenOverByAnotherHolderTheLockIsLostAndTheWorkToldToStop() throws Exception {
        ServerLock lock = new ServerLock(dataSource, connection, TTL);
        ServerLock other = new ServerLock(dataSource, connection, TTL);
        CountDownLatch stop = new CountDownLatch(1);
        try (ServerLock.Hold hold = lock.acquire("nightly", stop::countDown)) {
            Thread.sleep(TTL.toMillis() * 2);
            assertThat(other.otherHolder()).as("renewed while held, so not expired").isPresent();
            assertThat(stop.getCount()).isEqualTo(1);

            new JdbcTemplate(dataSource).update("UPDATE int_lock SET client_id = 'elsewhere 1 nightly'");

            assertThat(stop.await(TTL.toMillis() * 2, TimeUnit.MILLISECONDS)).isTrue();
        } finally {
            lock.destroy();
            other.destroy();
            new JdbcTemplate(dataSource).update("DELETE FROM int_lock");
        }
    }

    private static List<String> clientIds() {
        return new JdbcTemplate(dataSource).queryForList("SELECT client_id FROM int_lock", String.class);
    }
}
