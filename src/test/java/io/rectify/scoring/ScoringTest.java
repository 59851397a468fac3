package io.rectify.scoring;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.FEBRUARY;
import static io.rectify.consolidate.ReconciledFixture.G2;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.ledger.ScoringRule;
import io.rectify.rule.ScoreItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scores of the {@link ReconciledFixture} district, with exceptions added for U04 (区民政局), which the
 * fixture leaves without any: its score shows each deduction alone.
 */
class ScoringTest extends ConsolidatedMarch {

    @Autowired
    Scoring scoring;

    private int seq = 100;

    @BeforeEach
    void store() {
        storeFixture();
    }

    private void add(YearMonth period, String rule, int times) {
        for (int i = 0; i < times; i++) {
            new ReconciledFixture(jdbc).exception(period, ++seq, rule, G2, "U04", "区民政局", null, null, null, null,
                    null, null, null, "……");
        }
    }

    private UnitScore u04() {
        return unit(scoring.of(consolidator.consolidate(MARCH, AS_OF)), "U04");
    }

    private static UnitScore unit(Scores scores, String code) {
        return scores.units().stream().filter(u -> u.unit().code().equals(code)).findFirst().orElseThrow();
    }

    private static Deduction deduction(UnitScore unit, ScoreItem item) {
        return unit.deductions().stream().filter(d -> d.item() == item).findFirst().orElseThrow();
    }

    private void assertOnly(UnitScore unit, ScoreItem item, int count, String points, String score) {
        assertThat(deduction(unit, item)).isEqualTo(new Deduction(item, count, new BigDecimal(points)));
        assertThat(unit.deductions()).filteredOn(d -> d.item() != item).allMatch(d -> d.count() == 0);
        assertThat(unit.score()).isEqualByComparingTo(score);
    }

    @Test
    void aMissingReturnCostsTenPoints() {
        add(MARCH, "missing-return", 1);

        assertOnly(u04(), ScoreItem.MISSING_RETURN, 1, "10", "90");
    }

    @Test
    void aLateReturnCostsTwoPointsOncePerPeriod() {
        add(MARCH, "late-submission", 2);

        assertOnly(u04(), ScoreItem.LATE_SUBMISSION, 1, "2", "98");
    }

    @Test
    void eachErrorOfAnotherRuleIsAnEntryErrorOfOnePointAndWarningsCostNothing() {
        add(MARCH, "invalid-status", 2);
        add(MARCH, "period-mismatch", 1);
        add(MARCH, "invalid-extension-request", 1);
        add(MARCH, "missing-evidence", 3);
        add(MARCH, "due-soon", 1);
        add(MARCH, "completed-late", 1);

        assertOnly(u04(), ScoreItem.ENTRY_ERROR, 4, "1", "96");
    }

    @Test
    void eachOverdueTaskCostsThreePoints() {
        add(MARCH, "overdue", 2);

        UnitScore u04 = u04();
        assertOnly(u04, ScoreItem.OVERDUE, 2, "3", "94");
        assertThat(deduction(u04, ScoreItem.OVERDUE).deducted()).isEqualByComparingTo("6");
    }

    @Test
    void eachRegressionCostsFivePoints() {
        add(MARCH, "regression", 1);

        assertOnly(u04(), ScoreItem.REGRESSION, 1, "5", "95");
    }

    @Test
    void eachTaskReturnedOrFailingItsRecheckCostsThreePoints() {
        add(MARCH, "signoff-returned", 1);
        add(MARCH, "recheck-failed", 1);

        assertOnly(u04(), ScoreItem.SIGNOFF_RETURNED, 2, "3", "94");
    }

    @Test
    void theScoreNeverFallsBelowZero() {
        add(MARCH, "overdue", 40);

        assertThat(u04().score()).isEqualByComparingTo("0");
    }

    @Test
    void theLedgersPointsReplaceTheDefaultsOfTheItemsItLists() {
        add(MARCH, "overdue", 3);
        add(MARCH, "regression", 1);
        try {
            storeLedger(List.of(new ScoringRule(ScoreItem.OVERDUE, "逾期未完成", new BigDecimal("0.50"))));

            UnitScore u04 = u04();
            assertThat(deduction(u04, ScoreItem.OVERDUE)).isEqualTo(new Deduction(ScoreItem.OVERDUE, 3, new BigDecimal("0.5")));
            assertThat(deduction(u04, ScoreItem.OVERDUE).deducted()).isEqualByComparingTo("1.5");
            assertThat(u04.score()).isEqualByComparingTo("93.5");
        } finally {
            storeLedger(List.of());
        }
    }

    private void storeLedger(List<ScoringRule> scoring) {
        ledgers.replace(ReconciledFixture.ledger(), scoring, "fixture-ledger", "master/台账.xlsx",
                Instant.parse("2024-02-01T00:00:00Z"), null);
    }

    /**
     * The fixture's March: U03 missing-return (10), period-mismatch (1) and overdue (3) = 86; U02 a late
     * return = 98; U01 only warnings and U04 nothing = 100, tied, in ledger order.
     */
    @Test
    void unitsAreRankedBestFirstAndTiesShareARankInLedgerOrder() {
        Scores scores = scoring.of(consolidator.consolidate(MARCH, AS_OF));

        assertThat(scores.units()).extracting(u -> u.unit().code(), UnitScore::rank, u -> u.score().toPlainString())
                .containsExactly(tuple("U01", 1, "100"), tuple("U04", 1, "100"), tuple("U02", 3, "98"),
                        tuple("U03", 4, "86"));
    }

    @Test
    void theTrendScoresEveryStoredPeriodUpToThisOneFromItsOwnExceptions() {
        add(FEBRUARY, "overdue", 1);
        add(MARCH, "regression", 1);

        Scores march = scoring.of(consolidator.consolidate(MARCH, AS_OF));
        Scores february = scoring.of(consolidator.consolidate(FEBRUARY, java.time.LocalDate.of(2024, 2, 29)));

        assertThat(march.periods()).containsExactly(FEBRUARY, MARCH);
        assertThat(unit(march, "U04").trend()).containsExactly(new PeriodScore(FEBRUARY, new BigDecimal("97")),
                new PeriodScore(MARCH, new BigDecimal("95")));
        assertThat(unit(march, "U03").trend()).extracting(p -> p.score().toPlainString()).containsExactly("100", "86");
        assertThat(unit(february, "U04").trend()).containsExactly(new PeriodScore(FEBRUARY, new BigDecimal("97")));
        assertThat(unit(february, "U04").score()).isEqualByComparingTo("97");
    }
}
