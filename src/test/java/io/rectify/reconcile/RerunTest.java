package io.rectify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods reconciled again, in order, give the same stored state; the exception list has a fixed order. */
class RerunTest extends ReconcileTestSupport {

    private PeriodFolder march() {
        ReturnFixture u01 = ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-08")
                .row("P01-01", "已完成", "2024-03-25", "", "")
                .row("X-1", "推进中")
                .institution("项目联审办法", "闵府〔2024〕9号", "新建")
                .accountability("诫勉谈话", 2, "P01", "");
        return period("2024-03").add(u01, u01.copyAs("副本/U01.xlsx"),
                ReturnFixture.unit("U02").file("U02-旧.xlsx").period("2024-03").submittedOn("2024-04-01").row("P02-01", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").submittedOn("2024-04-02").row("P02-01", "推进中")
                        .row("P01-01", "推进中").institution("联审办法", "闵府〔2024〕9号", "新建"),
                ReturnFixture.unreadable("U03.xlsx"))
                .otherFile("~$U01.xlsx");
    }

    private PeriodFolder april() {
        return period("2024-04").add(
                ReturnFixture.unit("U01").period("2024-04").row("P01-01", "推进中").row("P01-02", "已完成", "2024-04-20", "", "报告"),
                ReturnFixture.unit("U03").period("2024-04").row("P02-02", "未开始"));
    }

    @Test
    void summaryCountsTheFilesRowsTasksAndExceptionsOfThePeriod() {
        assertThat(reconcile(march()).summary()).isEqualTo("2024-03: 6 files (2 accepted, 1 late, 1 superseded,"
                + " 1 duplicate, 1 rejected, 1 skipped); 3 rows accepted, 1 rejected; 4 tasks, 1 completed,"
                + " 2 carried forward; exceptions 3 error, 4 warning, 6 info");
    }

    @Test
    void reconcilingPeriodsAgainInOrderStoresTheSameState() {
        reconcile(march());
        reconcile(april(), april().period().atEndOfMonth());
        String marchState = snapshot("2024-03");
        String aprilState = snapshot("2024-04");
        assertThat(marchState).contains("duplicate", "superseded", "rule_exception late-submission", "task_status P01-01 已完成");
        assertThat(aprilState).contains("rule_exception regression");

        PeriodFolder march = march();
        List<FoundFile> reversed = new ArrayList<>(march.scan().workbooks());
        Collections.reverse(reversed);
        reconcile(march.period(), AS_OF, new PeriodScan(march.period(), reversed, march.scan().skipped()),
                march.outcomes());
        reconcile(april(), april().period().atEndOfMonth());

        assertThat(snapshot("2024-03")).isEqualTo(marchState);
        assertThat(snapshot("2024-04")).isEqualTo(aprilState);
    }

    @Test
    void exceptionListIsOrderedByGroupUnitFileSheetRowAndRule() {
        reconcile(march());

        List<String> order = exceptions("2024-03").stream()
                .map(e -> e.unitCode() + " " + e.file() + " " + e.sheet() + " " + e.row() + " " + e.rule().code()).toList();
        assertThat(order).containsExactly(
                "U01 null null null due-soon",
                "U01 U01.xlsx 整改进展 null task-not-reported",
                "U01 U01.xlsx 整改进展 5 late-submission",
                "U01 U01.xlsx 整改进展 8 completed-late",
                "U01 U01.xlsx 整改进展 8 missing-evidence",
                "U01 U01.xlsx 整改进展 9 unknown-task",
                "U01 U01.xlsx 制度建设 2 duplicate-institution",
                "U01 副本/U01.xlsx null null duplicate-file",
                "U02 U02-旧.xlsx null null superseded",
                "U02 U02.xlsx 制度建设 2 duplicate-institution",
                "U03 null null null missing-return",
                "U03 U03.xlsx null null file-unreadable",
                "null ~$U01.xlsx null null skipped-file");
        assertThat(exceptions("2024-03", Rule.DUE_SOON)).extracting(ExceptionEntry::taskCode).containsExactly("P01-02");
    }

    /** Everything stored for a period, ids left out, as text. */
    private String snapshot(String period) {
        StringBuilder out = new StringBuilder();
        jdbc.sql("""
                SELECT path, size_bytes, sha256, modified_at, unit_code, submitted_on, reporter, phone, ledger_marker,
                       outcome, late, has_institutions, has_accountability FROM return_file WHERE period = ? ORDER BY path""")
                .param(period).query(rs -> {
                    out.append("return_file");
                    for (int i = 1; i <= 13; i++) {
                        out.append(' ').append(rs.getString(i));
                    }
                    out.append('\n');
                });
        for (String query : List.of(
                "SELECT f.path, r.task_code, r.unit_code, r.lead, r.status, r.completion_date, r.progress, r.evidence, r.remark, r.excel_row FROM return_row r JOIN return_file f ON f.id = r.file_id WHERE r.period = ? ORDER BY f.path, r.excel_row",
                "SELECT f.path, i.name, i.doc_no, i.kind, i.issued_on, i.task_ref, i.doc_key, i.name_key, i.excel_row FROM institution i JOIN return_file f ON f.id = i.file_id WHERE i.period = ? ORDER BY f.path, i.excel_row",
                "SELECT f.path, a.kind, a.persons, a.problem_ref, a.note, a.excel_row FROM accountability a JOIN return_file f ON f.id = a.file_id WHERE a.period = ? ORDER BY f.path, a.excel_row",
                "SELECT 'task_status', task_code, status, completion_date, source_period FROM task_status WHERE period = ? ORDER BY task_code",
                "SELECT 'rule_exception', rule, seq, severity, group_name, unit_code, unit_name, problem_code, task_code, file, sheet, excel_row, col, cell_value, message FROM rule_exception WHERE period = ? ORDER BY seq")) {
            jdbc.sql(query).param(period).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    out.append(rs.getString(i)).append(' ');
                }
                out.append('\n');
            });
        }
        return out.toString();
    }
}
