package io.rectify.reconcile;

import static io.rectify.rule.Severity.ERROR;
import static io.rectify.rule.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.Deadline;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 整改进展 row rules of docs/RULES.md on the return a unit has used. Data rows start at Excel row 8. */
class RowRulesTest extends ReconcileTestSupport {

    @Test
    void unknownTaskCodeIsRejectedWithTheCodeAsWritten() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P0１-03", "推进中")
                .row("", "推进中", "", "已召开会议")
                .row(" p01-０1 ", "推进中")
                .row("P01-02", "推进中")));

        List<ExceptionEntry> unknown = exceptions("2024-03", Rule.UNKNOWN_TASK);
        assertThat(unknown).hasSize(2);
        assertEntry(unknown.get(0), ERROR, "U01", null, "U01.xlsx", 8, "A", "P0１-03");
        assertThat(unknown.get(0).message()).isEqualTo("第8行任务编号“P0１-03”在台账中不存在，本行未采纳；请核对任务编号，在下次报送时更正");
        assertThat(unknown.get(0).group()).isEqualTo("第一督查组");
        assertThat(unknown.get(0).unitName()).isEqualTo("区发改委");
        assertEntry(unknown.get(1), ERROR, "U01", null, "U01.xlsx", 9, "A", null);
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-03");
    }

    @Test
    void aFaultyRowOrAnUnreportedTaskIsToBeCorrectedInTheNextReturnNotResent() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("P01-01", "差不多了")
                        .row("P01-02", "已完成", "", "", "纪要").row("Q1", "推进中").row("", "推进中", "", "已召开会议"),
                ReturnFixture.unit("U03").period("2024-03").row("P01-01", "推进中")));

        List<ExceptionEntry> rowsAndTasks = exceptions("2024-03").stream()
                .filter(e -> e.rule().scope() == Rule.Scope.ROW || e.rule() == Rule.TASK_NOT_REPORTED).toList();
        assertThat(rowsAndTasks).extracting(ExceptionEntry::rule).contains(Rule.INVALID_STATUS,
                Rule.MISSING_COMPLETION_DATE, Rule.UNKNOWN_TASK, Rule.NOT_ASSIGNED, Rule.TASK_NOT_REPORTED);
        assertThat(rowsAndTasks).allSatisfy(e -> assertThat(e.message()).as(e.rule().code())
                .contains("下次报送").doesNotContain("重新报送"));
    }

    @Test
    void taskOfOtherUnitsIsRejectedWhileACooperatingUnitsRowIsKeptWithoutSettingTheStatus() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中").row("P01-02", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").row("P01-01", "已完成", "2024-03-10", "", "会议纪要")
                        .row("P02-01", "推进中"),
                ReturnFixture.unit("U03").period("2024-03").row("P02-02", "推进中").row("P01-01", "推进中")));

        ExceptionEntry notAssigned = only("2024-03", Rule.NOT_ASSIGNED);
        assertEntry(notAssigned, ERROR, "U03", "P01-01", "U03.xlsx", 9, "A", "P01-01");
        assertThat(notAssigned.problemCode()).isEqualTo("P01");
        assertThat(notAssigned.message()).contains("区发改委");
        assertThat(jdbc.sql("SELECT unit_code || ':' || CASE WHEN lead THEN 'TRUE' ELSE 'FALSE' END || ':' || status FROM return_row WHERE task_code = 'P01-01' ORDER BY unit_code")
                .query(String.class).list()).containsExactly("U01:TRUE:推进中", "U02:FALSE:已完成");
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-03");
    }

    @Test
    void laterRowsOfATaskAlreadyReportedAreRejected() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "推进中").row("P01-02", "推进中").row("p01-01", "已完成", "2024-03-10", "", "纪要")));

        ExceptionEntry duplicate = only("2024-03", Rule.DUPLICATE_TASK_ROW);
        assertEntry(duplicate, ERROR, "U01", "P01-01", "U01.xlsx", 10, "A", "p01-01");
        assertThat(duplicate.message()).contains("第8行", "本行未采纳");
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-03");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM return_row WHERE task_code = 'P01-01'").query(Integer.class).single()).isOne();
    }

    @Test
    void unknownStatusIsRejectedListingTheStatusesAndTheKnownSynonymsAreTaken() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中").row("P01-02", "差不多了"),
                ReturnFixture.unit("U02").period("2024-03").row("P02-01", "已办结", "2024-03-01", "", "文件"),
                ReturnFixture.unit("U03").period("2024-03").row("P02-02", " 进行中 ")));

        ExceptionEntry invalid = only("2024-03", Rule.INVALID_STATUS);
        assertEntry(invalid, ERROR, "U01", "P01-02", "U01.xlsx", 9, "B", "差不多了");
        assertThat(invalid.message()).contains("“差不多了”无效", "未启动、推进中、已完成");
        assertThat(status("2024-03", "P01-02")).isEqualTo("未启动 null null");
        assertThat(status("2024-03", "P02-01")).isEqualTo("已完成 2024-03-01 2024-03");
        assertThat(status("2024-03", "P02-02")).isEqualTo("推进中 null 2024-03");
    }

    @Test
    void leadRowWithBlankStatusIsTaskNotReportedOnItsStatusCellAndCarriedForward() {
        reconcile(period("2024-02").add(ReturnFixture.unit("U01").period("2024-02").row("P01-01", "推进中")
                .row("P01-02", "推进中")));
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "", "", "正在起草").row("P01-02", "")));

        assertThat(exceptions("2024-03", Rule.INVALID_STATUS)).isEmpty();
        List<ExceptionEntry> notReported = exceptions("2024-03", Rule.TASK_NOT_REPORTED);
        assertThat(notReported).hasSize(2);
        assertEntry(notReported.get(0), WARNING, "U01", "P01-01", "U01.xlsx", 8, "B", null);
        assertEntry(notReported.get(1), WARNING, "U01", "P01-02", "U01.xlsx", 9, "B", null);
        assertThat(notReported.get(0).message()).contains("未填写整改状态", "沿用上期状态");
        assertThat(status("2024-03", "P01-01")).isEqualTo("推进中 null 2024-02");
    }

    @Test
    void cooperatingRowLeftBlankIsNoException() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中").row("P01-02", "推进中")
                        .row("P02-02", "", "", "", "", "无"),
                ReturnFixture.unit("U04").period("2024-03").row("P02-01", "").row("P02-02", "", "", "配合开展自查"),
                ReturnFixture.unit("U02").period("2024-03").row("P02-01", "推进中").row("P01-01", "", "", "", "", "已配合提供资料")));

        assertThat(exceptions("2024-03")).filteredOn(e -> e.rule().scope() == Rule.Scope.ROW).isEmpty();
        // a cooperating row with progress but no status is not taken, and the unit is told
        List<ExceptionEntry> notReported = exceptions("2024-03", Rule.TASK_NOT_REPORTED);
        assertThat(notReported).hasSize(2);
        assertEntry(notReported.get(0), WARNING, "U02", "P01-01", "U02.xlsx", 9, "B", null);
        assertEntry(notReported.get(1), WARNING, "U04", "P02-02", "U04.xlsx", 9, "B", null);
        assertThat(notReported.get(1).message()).contains("配合任务", "未填写整改状态", "本行未采纳");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM return_row WHERE NOT lead").query(Integer.class).single()).isZero();
    }

    @Test
    void completedWithoutCompletionDateIsRejected() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "已完成", "", "", "纪要")
                .row("P01-02", "完成", "2024-03-12", "", "纪要")));

        assertEntry(only("2024-03", Rule.MISSING_COMPLETION_DATE), ERROR, "U01", "P01-01", "U01.xlsx", 8, "C", null);
        assertThat(status("2024-03", "P01-01")).isEqualTo("未启动 null null");
        assertThat(status("2024-03", "P01-02")).isEqualTo("已完成 2024-03-12 2024-03");
    }

    @Test
    void completionDateUnreadableAfterSubmissionOrBeforeFeedbackIsRejected() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-03")
                        .row("P01-01", "已完成", "上周", "", "纪要")
                        .row("P01-02", "已完成", "2024-04-20", "", "纪要"),
                ReturnFixture.unit("U03").period("2024-03").row("P02-02", "已完成", "2023.8.1", "", "通知"),
                ReturnFixture.unit("U02").period("2024-03").row("P02-01", "已完成", LocalDate.parse("2024-03-12"), "", "制度"),
                // a date on a row not completed is not judged
                ReturnFixture.unit("U04").period("2024-03").row("P02-02", "推进中", "乱写")));

        List<ExceptionEntry> invalid = exceptions("2024-03", Rule.INVALID_DATE);
        assertThat(invalid).hasSize(3);
        assertThat(invalid).as("a rejected row says so").allSatisfy(e -> assertThat(e.message()).contains("本行未采纳"));
        assertEntry(invalid.get(0), ERROR, "U01", "P01-01", "U01.xlsx", 8, "C", "上周");
        assertEntry(invalid.get(1), ERROR, "U01", "P01-02", "U01.xlsx", 9, "C", "2024-04-20");
        assertThat(invalid.get(1).message()).contains("晚于报送日期2024年4月3日，本行未采纳");
        assertEntry(invalid.get(2), ERROR, "U03", "P02-02", "U03.xlsx", 8, "C", "2023.8.1");
        assertThat(invalid.get(2).message()).contains("早于巡视反馈日期2023年8月29日，本行未采纳");
        assertThat(status("2024-03", "P01-02")).isEqualTo("未启动 null null");
        assertThat(status("2024-03", "P02-01")).isEqualTo("已完成 2024-03-12 2024-03");
        assertThat(jdbc.sql("SELECT completion_date FROM return_row WHERE unit_code = 'U04'").query(LocalDate.class).list())
                .containsOnlyNulls().hasSize(1);
    }

    @Test
    void completedWithoutEvidenceIsAcceptedWithAWarning() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                .row("P01-01", "已完成", "2024-03-10", "已建立机制", "")
                .row("P01-02", "已完成", "2024-03-11", "", "检查报告")
                .row("P02-02", "推进中")));

        assertEntry(only("2024-03", Rule.MISSING_EVIDENCE), WARNING, "U01", "P01-01", "U01.xlsx", 8, "E", null);
        assertThat(status("2024-03", "P01-01")).isEqualTo("已完成 2024-03-10 2024-03");
    }

    @Test
    void deadlineInWordsCopiedAsWrittenOrAsItsDayIsNotAnEdit() {
        ledgerWithDeadline("P02-02", new Deadline("2024年上半年", LocalDate.parse("2024-06-30")));
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U03").period("2024-03").columns("任务编号", "整改状态", "完成时限")
                        .row("P02-02", "推进中", "2024年 上半年"),
                ReturnFixture.unit("U01").period("2024-03").columns("任务编号", "整改状态", "完成时限")
                        .row("P01-01", "推进中", LocalDate.parse("2024-03-20"))
                        .row("P01-02", "推进中", "2024年二季度")
                        .row("P02-02", "推进中", LocalDate.parse("2024-06-30")),
                ReturnFixture.unit("U04").period("2024-03").columns("任务编号", "整改状态", "完成时限")
                        .row("P02-02", "推进中", "２０２４年６月底")));

        ExceptionEntry changed = only("2024-03", Rule.LEDGER_FIELD_CHANGED);
        assertEntry(changed, WARNING, "U01", "P01-02", "U01.xlsx", 9, "C", "2024年二季度");
        assertThat(changed.message()).contains("与台账“2024-04-10”不一致");
    }

    @Test
    void editedLedgerColumnsAreFlaggedAndTheLedgerWins() {
        reconcile(period("2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").columns("任务编号", "整改状态", "问题编号", "整改措施", "完成时限", "责任类型")
                        .row("P01-01", "推进中", "P02", "建立重大项目联审机制", LocalDate.parse("2024-03-20"), "牵头")
                        .row("P01-02", "推进中", "p01", " 开展 专项检查", "2024-05-10", "配合")
                        .row("P02-02", "推进中", "", "", "2024/6/30", "配合单位"),
                ReturnFixture.unit("U02").period("2024-03").columns("任务编号", "整改状态", "问题编号", "整改措施", "完成时限", "责任类型")
                        .row("P02-01", "推进中", "P02", "健全预算绩效管理制度", "长期 坚持", "牵头")));

        List<ExceptionEntry> changed = exceptions("2024-03", Rule.LEDGER_FIELD_CHANGED);
        assertThat(changed).hasSize(3);
        assertEntry(changed.get(0), WARNING, "U01", "P01-01", "U01.xlsx", 8, "C", "P02");
        assertThat(changed.get(0).message()).contains("“P01”");
        assertEntry(changed.get(1), WARNING, "U01", "P01-02", "U01.xlsx", 9, "E", "2024-05-10");
        assertEntry(changed.get(2), WARNING, "U01", "P01-02", "U01.xlsx", 9, "F", "配合");
        assertThat(status("2024-03", "P01-02")).isEqualTo("推进中 null 2024-03");
    }
}
