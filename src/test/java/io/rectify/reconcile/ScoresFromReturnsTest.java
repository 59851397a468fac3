package io.rectify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.consolidate.Consolidator;
import io.rectify.rule.ScoreItem;
import io.rectify.scoring.Deduction;
import io.rectify.scoring.Scores;
import io.rectify.scoring.Scoring;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scores (考核) from real returns and a real 销号审核表: every deduction a unit can earn, each from the exception the
 * reconcile of the workbooks stored, at the default points.
 */
class ScoresFromReturnsTest extends ReconcileTestSupport {

    private static final LocalDate FEBRUARY_END = LocalDate.of(2024, 2, 29);
    private static final LocalDate MARCH_RUN = LocalDate.of(2024, 4, 10);

    @Autowired
    Scoring scoring;
    @Autowired
    Consolidator consolidator;

    @Test
    void eachDeductionComesFromWhatTheWorkbooksMadeOfTheUnitsPeriod() {
        reconcile(period("2024-02").add(
                        ReturnFixture.unit("U01").period("2024-02")
                                .row("P01-01", "已完成", "2024-02-20", "联审机制已建立", "会议通知")
                                .row("P01-02", "已完成", "2024-02-20", "专项检查已完成", "检查报告"),
                        ReturnFixture.unit("U02").period("2024-02").row("P02-01", "推进中"),
                        ReturnFixture.unit("U03").period("2024-02").row("P02-02", "推进中"))
                .review(ReviewFixture.signOff("第一督查组", "2024-02").signOffRow("P01-01", "退回", "缺少会议纪要")
                        .signOffRow("P01-02", "同意销号", null)), FEBRUARY_END);
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-08")
                        .row("P01-01", "推进中").row("P01-02", "推进中", "", "发现新问题").row("P02-02", "差不多"),
                ReturnFixture.unit("U02").period("2024-03").row("P02-01", "推进中")), MARCH_RUN);

        assertThat(deductions(YearMonth.of(2024, 2), FEBRUARY_END, "U01")).containsExactly(Map.entry(ScoreItem.SIGNOFF_RETURNED, 1));
        assertThat(deductions(YearMonth.of(2024, 3), MARCH_RUN, "U01")).containsOnly(Map.entry(ScoreItem.LATE_SUBMISSION, 1),
                Map.entry(ScoreItem.ENTRY_ERROR, 1), Map.entry(ScoreItem.OVERDUE, 1), Map.entry(ScoreItem.REGRESSION, 1));
        assertThat(deductions(YearMonth.of(2024, 3), MARCH_RUN, "U03")).containsExactly(Map.entry(ScoreItem.MISSING_RETURN, 1));
        Scores march = scoring.of(consolidator.consolidate(YearMonth.of(2024, 3), MARCH_RUN));
        assertThat(march.units()).extracting(u -> u.unit().code() + " " + Scores.plain(u.score()))
                .contains("U01 89", "U03 90", "U02 100");
    }

    /** A unit's deductions in a period that cost something: item → count. */
    private Map<ScoreItem, Integer> deductions(YearMonth period, LocalDate asOf, String unit) {
        return scoring.of(consolidator.consolidate(period, asOf)).units().stream()
                .filter(u -> u.unit().code().equals(unit)).findFirst().orElseThrow().deductions().stream()
                .filter(d -> d.count() > 0).collect(Collectors.toMap(Deduction::item, Deduction::count));
    }
}
