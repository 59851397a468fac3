package io.rectify.reconcile;

import static io.rectify.rule.Severity.INFO;
import static io.rectify.rule.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.Deadline;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The office's decisions on extension requests: stored with who decided, told to the lead unit, and the granted
 * deadline judged by from the decision's period on. P01-01 (lead U01, cooperating U02) is due 2024年6月前; U01's
 * June return, sent on 2024-06-25, asks to extend it to 2024-09-30 (延期申请 row 2); June is reconciled as of
 * 2024-07-05, and the office's 延期审批表 of June is approved by 李四 on 2024-07-03.
 */
class ExtensionDecisionsTest extends ReconcileTestSupport {

    private static final LocalDate JULY_5 = LocalDate.parse("2024-07-05");

    @BeforeEach
    void dueBeforeJuly() {
        ledgerWithDeadline("P01-01", new Deadline("2024年6月前", LocalDate.parse("2024-06-30")));
    }

    @Test
    void grantedExtensionStopsOverdueFromItsPeriodOnAndShowsTheLedgersDeadlineBesideTheNewOne() {
        reconcile(june(ReviewFixture.extension("2024-06").extensionRow("P01-01", "批准", null, null)), JULY_5);

        assertThat(overdue("2024-06")).isEmpty();
        ExceptionEntry granted = only("2024-06", Rule.EXTENSION_GRANTED);
        assertEntry(granted, INFO, "U01", "P01-01", "U01.xlsx", 2, "B", "2024-09-30");
        assertThat(granted.sheet()).isEqualTo("延期申请");
        assertThat(granted.message()).isEqualTo("任务“P01-01”申请延期至2024年9月30日，已批准（审批人：李四，2024年7月3日）；"
                + "完成时限现为2024年6月前（延期至2024年9月30日），自2024年6月起按此时限统计；请在2024年9月30日前完成整改并及时报送");
        assertThat(stored("2024-06")).isEqualTo("true 2024-06-30 2024-09-30 2024-09-30 李四 2024-07-03 "
                + "reviews/2024-06/延期审批表.xlsx 8 null");

        reconcile(u01("2024-07"), LocalDate.parse("2024-07-31"));
        assertThat(overdue("2024-07")).as("a later period keeps the extension").isEmpty();
        assertThat(exceptions("2024-07", Rule.EXTENSION_GRANTED)).as("told once, in the decision's period").isEmpty();

        reconcile(u01("2024-09"), LocalDate.parse("2024-09-20"));
        assertThat(exceptions("2024-09", Rule.DUE_SOON)).extracting(ExceptionEntry::message).singleElement().asString()
                .contains("完成时限为2024年6月前（延期至2024年9月30日），距2024年9月20日还有10天");

        reconcile(u01("2024-10"), LocalDate.parse("2024-10-31"));
        assertThat(overdue("2024-10")).extracting(ExceptionEntry::message).singleElement().asString()
                .contains("完成时限为2024年6月前（延期至2024年9月30日），截至2024年10月31日");
    }

    @Test
    void grantedDayMayDifferFromTheRequestedOne() {
        reconcile(june(ReviewFixture.extension("2024-06").extensionRow("P01-01", "批准", LocalDate.parse("2024-07-05"),
                "先延至7月5日")), JULY_5);

        assertThat(only("2024-06", Rule.EXTENSION_GRANTED).message())
                .startsWith("任务“P01-01”申请延期至2024年9月30日，已批准延期至2024年7月5日（短于申请）")
                .contains("完成时限现为2024年6月前（延期至2024年7月5日）");
        assertThat(only("2024-06", Rule.DUE_SOON).message()).contains("今日到期");
        assertThat(stored("2024-06")).startsWith("true 2024-06-30 2024-09-30 2024-07-05 ");
    }

    @Test
    void refusedExtensionLeavesTheTaskOverdueAndQuotesTheOpinion() {
        reconcile(june(ReviewFixture.extension("2024-06").extensionRow("P01-01", "不批准", null, "理由不充分，请按期完成")),
                JULY_5);

        assertThat(overdue("2024-06")).extracting(ExceptionEntry::message).singleElement().asString()
                .contains("完成时限为2024年6月前（2024-06-30），截至2024年7月5日");
        ExceptionEntry refused = only("2024-06", Rule.EXTENSION_REFUSED);
        assertEntry(refused, WARNING, "U01", "P01-01", "U01.xlsx", 2, "B", "2024-09-30");
        assertThat(refused.message()).isEqualTo("任务“P01-01”申请延期至2024年9月30日，未获批准（审批人：李四，2024年7月3日），"
                + "审批意见：“理由不充分，请按期完成”；完成时限仍为2024年6月前（2024-06-30），请按此时限抓紧推进");
        assertThat(stored("2024-06")).isEqualTo("false 2024-06-30 2024-09-30 null 李四 2024-07-03 "
                + "reviews/2024-06/延期审批表.xlsx 8 理由不充分，请按期完成");

        reconcile(u01("2024-07"), LocalDate.parse("2024-07-31"));
        assertThat(overdue("2024-07")).hasSize(1);
    }

    @Test
    void undecidedRequestChangesNothing() {
        reconcile(june(ReviewFixture.extension("2024-06").extensionRow("P01-01", "", null, null)), JULY_5);

        assertThat(overdue("2024-06")).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deadline_extension").query(Integer.class).single()).isZero();
    }

    @Test
    void completionIsLateOnlyAfterTheExtendedDeadline() {
        reconcile(june(ReviewFixture.extension("2024-06").extensionRow("P01-01", "批准", null, null)), JULY_5);

        reconcile(period("2024-08").add(
                ReturnFixture.unit("U01").period("2024-08").row("P01-01", "已完成", "2024-08-15", "", "验收报告"),
                ReturnFixture.unit("U03").period("2024-08").row("P02-02", "已完成", "2024-08-15", "", "验收报告")),
                LocalDate.parse("2024-08-31"));

        assertThat(exceptions("2024-08", Rule.COMPLETED_LATE)).as("P02-02 was due 2024-06-30 and not extended")
                .extracting(ExceptionEntry::taskCode).containsExactly("P02-02");
    }

    @Test
    void templateCopyOfTheLedgersDeadlineIsNoEditAfterAnExtension() {
        reconcile(june(ReviewFixture.extension("2024-06").extensionRow("P01-01", "批准", null, null)), JULY_5);

        reconcile(period("2024-07").add(
                ReturnFixture.unit("U01").period("2024-07").columns("任务编号", "整改状态", "完成时限")
                        .row("P01-01", "推进中", "2024年6月前"),
                ReturnFixture.unit("U02").period("2024-07").columns("任务编号", "整改状态", "完成时限")
                        .row("P01-01", "推进中", "2024-08-31")),
                LocalDate.parse("2024-07-31"));

        ExceptionEntry changed = only("2024-07", Rule.LEDGER_FIELD_CHANGED);
        assertEntry(changed, WARNING, "U02", "P01-01", "U02.xlsx", 8, "C", "2024-08-31");
        assertThat(changed.message()).contains("与台账“2024年6月前（延期至2024年9月30日）”不一致");
    }

    /** June: U01's return asking to extend P01-01 to 2024-09-30, and the office's 延期审批表 on it. */
    private PeriodFolder june(ReviewFixture decided) {
        return period("2024-06").add(ReturnFixture.unit("U01").period("2024-06").submittedOn("2024-06-25")
                        .row("P01-01", "推进中").row("P01-02", "已完成", "2024-04-01", "", "检查报告")
                        .extension("P01-01", LocalDate.parse("2024-09-30"), "汛期施工受阻"))
                .review(decided);
    }

    /** U01's return: P01-01 推进中, P01-02 long completed. */
    private PeriodFolder u01(String period) {
        return period(period).add(ReturnFixture.unit("U01").period(period).row("P01-01", "推进中")
                .row("P01-02", "已完成", "2024-04-01", "", "检查报告"));
    }

    private List<ExceptionEntry> overdue(String period) {
        return exceptions(period, Rule.OVERDUE).stream().filter(e -> e.taskCode().equals("P01-01")).toList();
    }

    /** The period's deadline_extension row of P01-01. */
    private String stored(String period) {
        return jdbc.sql("""
                SELECT granted, previous, requested, extended_to, decided_by, decided_on, file, excel_row, opinion
                FROM deadline_extension WHERE period = ? AND task_code = 'P01-01'""")
                .param(period)
                .query((rs, n) -> rs.getBoolean(1) + " " + rs.getDate(2) + " " + rs.getDate(3) + " " + rs.getDate(4) + " "
                        + rs.getString(5) + " " + rs.getDate(6) + " " + rs.getString(7) + " " + rs.getInt(8) + " "
                        + rs.getString(9)).single();
    }
}
