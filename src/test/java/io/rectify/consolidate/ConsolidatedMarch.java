package io.rectify.consolidate;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.MARCH;

import io.rectify.TestDatabase;
import io.rectify.TestFolders;
import io.rectify.ledger.LedgerRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class on the {@link ReconciledFixture} district's 2024-03 consolidated on its last day.
 * {@link #march()} stores the fixture and consolidates it once for the class; a class whose tests
 * change the database calls {@link #storeFixture()} before each.
 *
 * <p>The classes share one Spring context and its database (the same properties give them one
 * cached context: a context start per class cost more than a class's tests); each class starts on
 * an empty database all the same ({@link #emptyDatabase()}), as on a context of its own.
 */
@SpringBootTest
public abstract class ConsolidatedMarch {

    private static final Path SHARED_ROOT = TestFolders.shared("consolidated-march-tests");

    /** A fresh folder per class for the files its tests write. */
    @TempDir
    protected static Path root;

    /** Of the class running: forgotten after it. */
    private static Consolidation march;
    private static boolean emptied;

    @Autowired
    protected Consolidator consolidator;
    @Autowired
    protected LedgerRepository ledgers;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestFolders.register(registry, SHARED_ROOT);
    }

    /**
     * Before the first test of a class: every table the application fills is emptied (ledger, returns,
     * figures, reviews, sign-offs...), so that nothing of the class before is seen.
     */
    @BeforeEach
    void emptyDatabase() {
        if (emptied) {
            return;
        }
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE UPPER(table_schema) = 'PUBLIC' AND table_type = 'BASE TABLE'
                  AND UPPER(table_name) NOT LIKE 'BATCH\\_%' AND UPPER(table_name) NOT LIKE 'FLYWAY%' AND UPPER(table_name) NOT LIKE 'AUDIT\\_%'""",
                String.class);
        if (TestDatabase.postgresql()) {
            // one TRUNCATE of them all: their foreign keys point among themselves
            jdbc.execute("TRUNCATE " + String.join(", ", tables));
            emptied = true;
            return;
        }
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        try {
            tables.forEach(table -> jdbc.update("DELETE FROM \"" + table + "\""));
        } finally {
            jdbc.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        emptied = true;
    }

    /** Stores the fixture's two periods, replacing what the database holds of them, then {@link #addToFixture()}. */
    protected void storeFixture() {
        new ReconciledFixture(jdbc).store(ledgers);
        addToFixture();
    }

    /** What a class adds to the stored fixture before March is consolidated; nothing by default. */
    protected void addToFixture() {
    }

    /** March consolidated from the fixture, stored and consolidated on the first call of the class. */
    protected Consolidation march() {
        if (march == null) {
            storeFixture();
            march = consolidator.consolidate(MARCH, AS_OF);
        }
        return march;
    }

    @AfterAll
    static void forgetMarch() {
        march = null;
        emptied = false;
    }
}
