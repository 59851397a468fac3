package io.rectify.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** V6 on a database that already holds a ledger: its tasks show what they showed before. */
class DeadlineTextMigrationTest {

    private static final String[] MIGRATIONS = {"classpath:db/migration/common", "classpath:db/migration/h2"};

    @TempDir
    Path dir;

    /** Flyway logs every migration at INFO here, outside the application's logging settings. */
    private final Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
    private Level flywayLevel;

    @BeforeEach
    void quietFlyway() {
        flywayLevel = flyway.getLevel();
        flyway.setLevel(Level.ERROR);
    }

    @AfterEach
    void restoreFlyway() {
        flyway.setLevel(flywayLevel);
    }

    @Test
    void tasksStoredBeforeKeepTheirDateOrLongTermAsTheirText() {
        SimpleDriverDataSource data = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + dir.resolve("rectify").toAbsolutePath(), "sa", "");
        Flyway.configure().dataSource(data).locations(MIGRATIONS).target("5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        jdbc.sql("INSERT INTO supervision_group (name, seq) VALUES ('第一督查组', 1)").update();
        jdbc.sql("INSERT INTO unit (code, name, group_name, seq) VALUES ('U01', '区财政局', '第一督查组', 1)").update();
        jdbc.sql("INSERT INTO category (seq, title) VALUES (1, '方面')").update();
        jdbc.sql("INSERT INTO problem (code, category_seq, description, seq) VALUES ('P01', 1, '问题', 1)").update();
        jdbc.sql("""
                INSERT INTO task (code, problem_code, measure, lead_unit, deadline, long_term, seq) VALUES
                ('T01', 'P01', '措施一', 'U01', DATE '2024-06-30', FALSE, 1),
                ('T02', 'P01', '措施二', 'U01', NULL, TRUE, 2)""").update();

        Flyway.configure().dataSource(data).locations(MIGRATIONS).load().migrate();

        List<Task> tasks = new LedgerRepository(jdbc, new JdbcTemplate(data)).load().tasks();
        assertEquals(List.of(Deadline.on(LocalDate.of(2024, 6, 30)), Deadline.NONE), tasks.stream().map(Task::deadline).toList());
    }
}
