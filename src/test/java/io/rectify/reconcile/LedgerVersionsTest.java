package io.rectify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.LedgerVersion;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two ledger versions: {@value #LEDGER_VERSION} imported on 2024-03-01 and {@value #EDITED} on
 * 2024-04-01 (the current one). template-outdated compares a return's template with the version its
 * period is judged with, and a period keeps the version it was judged with.
 */
class LedgerVersionsTest extends ReconcileTestSupport {

    private static final String EDITED = "ledger-version-2";

    private Optional<LedgerVersion> first;
    private Optional<LedgerVersion> edited;

    @BeforeEach
    void editedLedger() {
        ledgers.replace(ledger(), EDITED, "整改台账.xlsx", Instant.parse("2024-04-01T00:00:00Z"), null);
        first = ledgers.version(LEDGER_VERSION);
        edited = ledgers.version(EDITED);
    }

    @Test
    void templateOfThePeriodsVersionOrALaterOneIsNotOutdated() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").marker(LEDGER_VERSION).row("P01-01", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").marker(EDITED).row("P02-01", "推进中")), first);

        assertThat(exceptions("2024-03", Rule.TEMPLATE_OUTDATED)).isEmpty();
    }

    @Test
    void templateOlderThanThePeriodsVersionIsOutdated() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").marker(LEDGER_VERSION).row("P01-01", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").marker(EDITED).row("P02-01", "推进中")), edited);

        assertOutdated(only("2024-03", Rule.TEMPLATE_OUTDATED), "U01", LEDGER_VERSION, "旧版台账");
    }

    @Test
    void templateOfAVersionNobodyImportedIsOutdatedAndSaysSo() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").marker("0123abcd").row("P01-01", "推进中")), first);

        assertOutdated(only("2024-03", Rule.TEMPLATE_OUTDATED), "U01", "0123abcd", "在本系统中不存在");
    }

    @Test
    void periodKeepsTheVersionItWasJudgedWithUnlessItIsTheLatest() {
        reconcile(period("2024-03"), first);

        assertThat(reconciler.versionFor(YearMonth.parse("2024-03"), AS_OF, false)).isEqualTo(first);
        assertThat(reconciler.versionFor(YearMonth.parse("2024-03"), AS_OF, true)).as("the run's latest period").isEqualTo(edited);
        reconcile(period("2024-04"), edited);
        assertThat(reconciler.versionFor(YearMonth.parse("2024-03"), AS_OF, true)).as("a later period is stored").isEqualTo(first);
    }

    @Test
    void periodNeverJudgedIsJudgedWithTheVersionInForceOnItsAsOfDay() {
        assertThat(reconciler.versionFor(YearMonth.parse("2024-03"), LocalDate.parse("2024-03-31"), false)).isEqualTo(first);
        assertThat(reconciler.versionFor(YearMonth.parse("2024-02"), LocalDate.parse("2024-02-29"), false))
                .as("before any import: the current one").isEqualTo(edited);
    }

    /** A template-outdated entry for a unit's file, with the marker as its value, saying {@code says}. */
    private static void assertOutdated(ExceptionEntry e, String unit, String marker, String says) {
        assertEntry(e, Rule.TEMPLATE_OUTDATED.severity(), unit, null, unit + ".xlsx", null, null, marker);
        assertThat(e.message()).contains(says);
    }
}
