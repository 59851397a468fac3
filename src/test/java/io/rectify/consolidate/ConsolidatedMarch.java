package io.rectify.consolidate;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.MARCH;

import io.rectify.TempFolderContext;
import io.rectify.ledger.LedgerRepository;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test class on the {@link ReconciledFixture} district's 2024-03 consolidated on its last day.
 * {@link #march()} stores the fixture and consolidates it once for the class; a class whose tests
 * change the database calls {@link #storeFixture()} before each.
 */
public abstract class ConsolidatedMarch extends TempFolderContext {

    /** Of the class running: forgotten after it. */
    private static Consolidation march;

    @Autowired
    protected Consolidator consolidator;
    @Autowired
    protected LedgerRepository ledgers;
    @Autowired
    protected JdbcTemplate jdbc;

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
    }
}
