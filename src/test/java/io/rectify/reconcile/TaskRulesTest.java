package io.rectify.reconcile;

import static io.rectify.rule.Severity.ERROR;
import static io.rectify.rule.Severity.INFO;
import static io.rectify.rule.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.Deadline;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The task and unit rules of docs/RULES.md and each task's status across periods. P01-01 (lead U01) is
 * due 2024-03-20, P01-02 (lead U01) 2024-04-10, P02-01 (lead U02) is 长期坚持, P02-02 (lead U03)
 * is due 2024-06-30.
 */
class TaskRulesTest extends ReconcileTestSupport {

    @Test
    void leadTaskAbsentFromTheAcceptedReturnIsNotReportedAndCarriedForward() {
        reconcile(period("2024-02").add(ReturnFixture.unit("U01").period("2024-02").row("P01-02", "推进中")));
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中")));

        ExceptionEntry notReported = only("2024-03", Rule.TASK_NOT_REPORTED);
        assertEntry(notReported, WARNING, "U01", "P01-02", "U01.xlsx", null, null, null);
        assertThat(notReported.sheet()).isEqualTo("整改进展");
        assertThat(notReported.problemCode()).isEqualTo("P01");
        assertThat(status("2024-03", "P01-02")).isEqualTo("推进中 null 2024-02");
    }

    @Test
    void taskWhoseRowWasRejectedIsNotAlsoNotReported() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "差不多了")));

        assertThat(exceptions("2024-03", Rule.INVALID_STATUS)).extracting(ExceptionEntry::taskCode).containsExactly("P01-01");
        assertThat(exceptions("2024-03", Rule.TASK_NOT_REPORTED)).extracting(ExceptionEntry::taskCode).containsExactly("P01-02");
    }

    @Test
    void unitWithLeadTasksAndNoAcceptedReturnMissesItsReturn() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U02").period("2024-02").row("P02-01", "推进中"),
                ReturnFixture.unit("U03").period("2024-03").row("P02-02", "推进中")));

        List<ExceptionEntry> missing = exceptions("2024-03", Rule.MISSING_RETURN);
        assertThat(missing).extracting(ExceptionEntry::unitCode).containsExactly("U01", "U02");
        assertEntry(missing.get(0), ERROR, "U01", null, null, null, null, null);
        assertThat(missing.get(0).message()).contains("未收到可采纳的报送表");
        assertThat(missing.get(1).message()).isEqualTo("本期（2024年3月）收到本单位报送的文件“U02.xlsx”，但未采纳（原因："
                + "报送期次“2024-02”（2024年2月）与文件所在的期次文件夹“2024-03”不一致，请更正报送期次，或将文件放入对应期次的文件夹后重新报送）；"
                + "本单位牵头的1条任务暂沿用上期状态，请按要求修改后重新报送");
        assertThat(missing.get(1).group()).isEqualTo("第一督查组");
        assertThat(exceptions("2024-03", Rule.TASK_NOT_REPORTED)).isEmpty();
    }

    @Test
    void unitWhoseFilesWereAllRejectedIsToldOfEachFileAndWhy() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").file("U01-a.xlsx").period("2024-03").columns("任务编号").row("P01-01"),
                ReturnFixture.unit("U01").file("b.xlsx").name("区财政局").period("2024-03").row("P01-01", "推进中")));

        String message = exceptions("2024-03", Rule.MISSING_RETURN).get(0).message();
        assertThat(message).startsWith("本期（2024年3月）收到本单位报送的文件“U01-a.xlsx”（原因：")
                .contains("“b.xlsx”（原因：单位名称“区财政局”", "均未采纳", "本单位牵头的2条任务暂沿用上期状态")
                .doesNotContain("未收到");
    }

    @Test
    void statusIsCarriedForwardFromTheLatestEarlierPeriodUntilTheLeadUnitReportsAgain() {
        reconcile(period("2024-02").add(ReturnFixture.unit("U01").period("2024-02").row("P01-01", "推进中").row("P01-02", "未启动")));
        reconcile(period("2024-03"));
        reconcile(period("2024-04").add(ReturnFixture.unit("U01").period("2024-04")
                .row("P01-01", "已完成", "2024-04-01", "", "纪要").row("P01-02", "推进中")));

        assertThat(status("2024-02", "P01-01")).isEqualTo("推进中 null 2024-02");
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-02");
        assertThat(status("2024-03", "P02-02")).isEqualTo("未启动 null null");
        assertThat(exceptions("2024-03", Rule.MISSING_RETURN)).extracting(ExceptionEntry::unitCode)
                .containsExactly("U01", "U02", "U03");
        assertThat(status("2024-04", "P01-01")).isEqualTo("已完成 2024-04-01 2024-04");
        assertThat(status("2024-04", "P01-02")).isEqualTo("推进中 null 2024-04");
    }

    @Test
    void cooperatingUnitsRowNeverSetsTheStatus() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U02").period("2024-03")
                .row("P01-01", "已完成", "2024-03-10", "", "纪要").row("P02-01", "推进中")));

        assertThat(status("2024-03", "P01-01")).isEqualTo("未启动 null null");
        assertThat(exceptions("2024-03", Rule.OVERDUE)).extracting(ExceptionEntry::taskCode).containsExactly("P01-01");
    }

    @Test
    void pastDeadlineNotCompletedIsOverdueOncePerTaskAndLongTermNever() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中").row("P01-02", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").row("P01-01", "推进中").row("P02-01", "未启动")),
                LocalDate.parse("2024-06-30"));

        List<ExceptionEntry> overdue = exceptions("2024-03", Rule.OVERDUE);
        assertThat(overdue).extracting(ExceptionEntry::taskCode).containsExactly("P01-01", "P01-02");
        assertEntry(overdue.get(0), ERROR, "U01", "P01-01", "U01.xlsx", 8, "B", "推进中");
        assertThat(overdue.get(0).problemCode()).isEqualTo("P01");
        assertThat(exceptions("2024-03", Rule.DUE_SOON)).extracting(ExceptionEntry::taskCode).containsExactly("P02-02");
    }

    @Test
    void deadlineInWordsIsOverdueAndDueSoonByTheDayItNamesAndShownAsWritten() {
        ledgerWithDeadline("P01-02", new Deadline("2024年一季度", LocalDate.parse("2024-03-31")));
        PeriodFolder march = period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中")
                .row("P01-02", "推进中"));

        reconcile(march, LocalDate.parse("2024-04-01"));
        ExceptionEntry overdue = exceptions("2024-03", Rule.OVERDUE).get(1);
        assertEntry(overdue, ERROR, "U01", "P01-02", "U01.xlsx", 9, "B", "推进中");
        assertThat(overdue.message()).contains("完成时限为2024年一季度（2024-03-31），截至2024-04-01");

        reconcile(march, LocalDate.parse("2024-03-21"));
        assertThat(only("2024-03", Rule.DUE_SOON).message()).contains("完成时限为2024年一季度（2024-03-31），距2024-03-21还有10天");
    }

    @Test
    void aTaskDueOnTheAsOfDayIsDueToday() {
        ledgerWithDeadline("P01-02", new Deadline("2024年一季度", LocalDate.parse("2024-03-31")));

        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中")
                .row("P01-02", "推进中")), LocalDate.parse("2024-03-31"));

        assertThat(only("2024-03", Rule.DUE_SOON).message()).contains("完成时限为2024年一季度（2024-03-31），今日到期（统计截至2024-03-31）")
                .doesNotContain("还有0天");
    }

    @Test
    void overdueUsesTheStatusAfterThisPeriodsReturns() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "已完成", "2024-03-15", "", "纪要").row("P01-02", "推进中")));

        assertThat(exceptions("2024-03", Rule.OVERDUE)).isEmpty();

        reconcile(period("2024-04"), LocalDate.parse("2024-04-30"));
        ExceptionEntry carried = only("2024-04", Rule.OVERDUE);
        assertEntry(carried, ERROR, "U01", "P01-02", null, null, null, null);
        assertThat(carried.message()).contains("沿用2024年3月报送");
    }

    @Test
    void deadlineOnTheAsOfDateIsDueSoonNotOverdue() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中").row("P01-02", "推进中")),
                LocalDate.parse("2024-03-20"));

        ExceptionEntry dueSoon = only("2024-03", Rule.DUE_SOON);
        assertEntry(dueSoon, WARNING, "U01", "P01-01", "U01.xlsx", 8, "B", "推进中");
        assertThat(exceptions("2024-03", Rule.OVERDUE)).isEmpty();

        // P01-02 (2024-04-10) is 10 days after 2024-03-31: within the default 15
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "已完成", "2024-03-18", "", "纪要")
                .row("P01-02", "推进中")));
        assertThat(exceptions("2024-03", Rule.DUE_SOON)).extracting(ExceptionEntry::taskCode).containsExactly("P01-02");
    }

    @Test
    void completedEarlierAndNowReportedOtherwiseIsARegressionAndTheNewStatusStands() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "已完成", "2024-03-10", "", "纪要").row("P01-02", "推进中")));
        reconcile(period("2024-04").add(ReturnFixture.unit("U01").period("2024-04")
                .row("P01-01", "推进中").row("P01-02", "推进中")));

        assertThat(exceptions("2024-03", Rule.REGRESSION)).isEmpty();
        ExceptionEntry regression = only("2024-04", Rule.REGRESSION);
        assertEntry(regression, ERROR, "U01", "P01-01", "U01.xlsx", 8, "B", "推进中");
        assertThat(regression.message()).contains("2024年3月已报已完成");
        assertThat(status("2024-04", "P01-01")).isEqualTo("推进中 null 2024-04");
    }

    @Test
    void completionDateReportedDifferentlyLaterIsChangedAndTheNewDateStands() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "已完成", "2024-03-10", "", "纪要").row("P01-02", "已完成", "2024-03-11", "", "报告")));
        reconcile(period("2024-04").add(ReturnFixture.unit("U01").period("2024-04")
                .row("P01-01", "已完成", "2024-03-12", "", "纪要").row("P01-02", "已完成", LocalDate.parse("2024-03-11"), "", "报告")));

        ExceptionEntry changed = only("2024-04", Rule.COMPLETION_DATE_CHANGED);
        assertEntry(changed, WARNING, "U01", "P01-01", "U01.xlsx", 8, "C", "2024-03-12");
        assertThat(changed.message()).contains("2024-03-10");
        assertThat(status("2024-04", "P01-01")).isEqualTo("已完成 2024-03-12 2024-04");
    }

    @Test
    void completionAfterTheDeadlineIsCompletedLateInThePeriodItWasReportedOnly() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-02")
                .row("P01-01", "已完成", "2024-03-25", "", "纪要").row("P01-02", "已完成", "2024-03-26", "", "报告")));
        reconcile(period("2024-04").add(ReturnFixture.unit("U01").period("2024-04")
                .row("P01-01", "已完成", "2024-03-25", "", "纪要").row("P01-02", "已完成", "2024-03-26", "", "报告")));

        ExceptionEntry late = only("2024-03", Rule.COMPLETED_LATE);
        assertEntry(late, INFO, "U01", "P01-01", "U01.xlsx", 8, "C", "2024-03-25");
        assertThat(late.message()).contains("2024-03-20");
        assertThat(exceptions("2024-04", Rule.COMPLETED_LATE)).isEmpty();
    }
}
