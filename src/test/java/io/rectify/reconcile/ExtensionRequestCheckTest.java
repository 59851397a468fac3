package io.rectify.reconcile;

import static io.rectify.rule.Severity.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.ReturnLayout;
import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import io.rectify.workbook.Cell;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

/**
 * The row rules of a used return's 延期申请 sheet, on the table the reader gives (任务编号 in A, 申请延期至 in B, 延期理由
 * in C, data from Excel row 2). U01 leads P01-01 (due 2024-03-20) and P01-02 (due 2024-04-10); its March return
 * is submitted on 2024-04-02.
 */
class ExtensionRequestCheckTest extends ReconcileTestSupport {

    private static final LocalDate SUBMITTED = LocalDate.parse("2024-04-02");

    private final List<TableRow> rows = new ArrayList<>();
    private Findings findings;

    @Test
    void requestForAnUnknownTaskOrAnotherUnitsTaskIsRejectedOnItsTaskCell() {
        row("", "2024-06-30", "人手不足");
        row("P09-09", "2024-06-30", "人手不足");
        row("P02-02", "2024-09-30", "人手不足");

        assertThat(check("U01")).isEmpty();
        List<ExceptionEntry> found = findings.entries();
        assertThat(found).extracting(ExceptionEntry::rule).containsExactly(Rule.INVALID_EXTENSION_REQUEST,
                Rule.INVALID_EXTENSION_REQUEST, Rule.EXTENSION_NOT_LEAD);
        assertEntry(found.get(0), ERROR, "U01", null, "U01.xlsx", 2, "A", null);
        assertThat(found.get(0).message()).isEqualTo("“延期申请”表第2行未填写任务编号，本行未采纳；"
                + "请填写本单位牵头任务的任务编号，如仍需延期请更正后重新报送");
        assertEntry(found.get(1), ERROR, "U01", null, "U01.xlsx", 3, "A", "P09-09");
        assertThat(found.get(1).message()).startsWith("“延期申请”表第3行的任务编号“P09-09”在台账中不存在，本行未采纳");
        assertEntry(found.get(2), ERROR, "U01", "P02-02", "U01.xlsx", 4, "A", "P02-02");
        assertThat(found.get(2).message()).isEqualTo("“延期申请”表第4行任务“P02-02”不是本单位牵头的任务（牵头单位：区教育局），"
                + "本行未采纳；延期只能由牵头单位申请，如需延期请商牵头单位提出");
    }

    @Test
    void requestAfterTheDeadlineInForcePassedIsTooLate() {
        row("P01-01", "2024-06-30", "人手不足");

        assertThat(check("U01")).isEmpty();
        ExceptionEntry late = findings.entries().get(0);
        assertThat(late.rule()).isEqualTo(Rule.EXTENSION_TOO_LATE);
        assertEntry(late, ERROR, "U01", "P01-01", "U01.xlsx", 2, "A", "P01-01");
        assertThat(late.message()).isEqualTo("“延期申请”表第2行任务“P01-01”申请延期至2024年6月30日，但现完成时限2024-03-20"
                + "在报送日期2024年4月2日前已届满，本行未采纳；延期须在完成时限届满前申请，请加快推进，完成后及时报送");
    }

    @Test
    void longTermTaskNeedsNoExtension() {
        row("P02-01", "2024-12-31", "人手不足");

        assertThat(check("U02")).isEmpty();
        ExceptionEntry invalid = findings.entries().get(0);
        assertEntry(invalid, ERROR, "U02", "P02-01", "U02.xlsx", 2, "A", "P02-01");
        assertThat(invalid.message()).isEqualTo("“延期申请”表第2行任务“P02-01”的完成时限为“长期坚持”，无需申请延期，本行未采纳；请删除该行");
    }

    @Test
    void blankUnreadableOrEarlyRequestedDayAndBlankReasonAreEachFlaggedOnTheirCell() {
        row("P01-02", "", "");
        check("U01");
        row("P01-02", "下月底", "人手不足");
        check("U01");
        row("P01-02", LocalDate.parse("2024-04-10"), "人手不足");
        check("U01");

        List<ExceptionEntry> found = findings.entries();
        assertThat(found).extracting(ExceptionEntry::rule).containsOnly(Rule.INVALID_EXTENSION_REQUEST);
        assertEntry(found.get(0), ERROR, "U01", "P01-02", "U01.xlsx", 2, "B", null);
        assertThat(found.get(0).message()).isEqualTo("“延期申请”表第2行任务“P01-02”未填写申请延期至日期，本行未采纳；"
                + "请按“2024-09-30”的格式填写晚于现完成时限2024-04-10的日期后重新报送");
        assertEntry(found.get(1), ERROR, "U01", "P01-02", "U01.xlsx", 2, "C", null);
        assertThat(found.get(1).message()).isEqualTo("“延期申请”表第2行任务“P01-02”未填写延期理由，本行未采纳；请说明需要延期的原因后重新报送");
        assertEntry(found.get(2), ERROR, "U01", "P01-02", "U01.xlsx", 2, "B", "下月底");
        assertThat(found.get(2).message()).startsWith("“延期申请”表第2行任务“P01-02”的申请延期至“下月底”无法识别，本行未采纳");
        assertEntry(found.get(3), ERROR, "U01", "P01-02", "U01.xlsx", 2, "B", "2024-04-10");
        assertThat(found.get(3).message()).isEqualTo("“延期申请”表第2行任务“P01-02”申请延期至2024年4月10日，不晚于现完成时限"
                + "2024-04-10，本行未采纳；请填写晚于现完成时限的日期后重新报送");
        assertThat(found).hasSize(4);
    }

    @Test
    void sameTaskTwiceKeepsTheFirstRow() {
        row("P01-02", "2024-06-30", "人手不足");
        row("P01-02", "2024-07-31", "人手不足");

        assertThat(check("U01")).extracting(ExtensionRequest::requested).containsExactly(LocalDate.parse("2024-06-30"));
        ExceptionEntry twice = findings.entries().get(0);
        assertEntry(twice, ERROR, "U01", "P01-02", "U01.xlsx", 3, "A", "P01-02");
        assertThat(twice.message()).isEqualTo("“延期申请”表第3行任务“P01-02”与第2行重复申请，本行未采纳；每条任务只填一行，请删除重复行");
    }

    @Test
    void acceptedRequestKeepsItsDayReasonAndCell() {
        row("P01-02", LocalDate.parse("2024-06-30"), "涉及跨部门协调");

        ExtensionRequest request = check("U01").get(0);

        assertThat(findings.entries()).isEmpty();
        assertThat(request.unit().code()).isEqualTo("U01");
        assertThat(request.task().deadline().date()).isEqualTo(LocalDate.parse("2024-04-10"));
        assertThat(request.requested()).isEqualTo(LocalDate.parse("2024-06-30"));
        assertThat(request.reason()).isEqualTo("涉及跨部门协调");
        assertThat(request.place()).isEqualTo(new Place("U01.xlsx", "延期申请", 2, "B", "2024-06-30"));
    }

    @Test
    void requestIsJudgedByTheDeadlineAnEarlierPeriodExtended() {
        jdbc.sql("""
                INSERT INTO deadline_extension (period, task_code, granted, previous, requested, extended_to, file, excel_row)
                VALUES ('2024-02', 'P01-01', TRUE, DATE '2024-03-20', DATE '2024-05-31', DATE '2024-05-31', 'x.xlsx', 5)""")
                .update();
        row("P01-01", "2024-05-15", "人手不足");

        assertThat(check("U01")).as("not too late: the deadline in force is 2024-05-31").isEmpty();
        ExceptionEntry early = findings.entries().get(0);
        assertThat(early.rule()).isEqualTo(Rule.INVALID_EXTENSION_REQUEST);
        assertThat(early.message()).contains("申请延期至2024年5月15日，不晚于现完成时限2024-03-20（延期至2024年5月31日）");
    }

    @Test
    void acceptedRequestsOfTheUsedReturnAreStoredWithThePeriodAndEveryRowIsRead() {
        PeriodFolder march = period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").submittedOn("2024-04-02")
                .row("P01-01", "推进中").row("P01-02", "推进中")
                .extension("P01-02", LocalDate.parse("2024-06-30"), "涉及跨部门协调")
                .extension("P01-01", LocalDate.parse("2024-06-30"), "人手不足"));
        PeriodChecks checks = reconciler.checks(march.period(), AS_OF, reconciler.currentVersion());
        march.outcomes().forEach((file, outcome) -> assertThat(checks.check(file, outcome).rowsRead()).isEqualTo(4));

        reconcile(march);

        assertThat(jdbc.sql("""
                SELECT r.unit_code, r.task_code, r.deadline, r.requested, r.reason, r.excel_row, f.path
                FROM extension_request r JOIN return_file f ON f.id = r.file_id WHERE r.period = '2024-03'""")
                .query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list())
                .containsExactly("U01 P01-02 2024-04-10 2024-06-30 涉及跨部门协调 2 U01.xlsx");
        assertEntry(only("2024-03", Rule.EXTENSION_TOO_LATE), ERROR, "U01", "P01-01", "U01.xlsx", 3, "A", "P01-01");

        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-02", "推进中")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM extension_request").query(Integer.class).single())
                .as("replaced with the period's other state").isZero();
    }

    /** A 延期申请 row below the header of row 1: 申请延期至 as text, or as a date cell when a LocalDate. */
    private void row(String task, Object requested, String reason) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        if (!task.isEmpty()) {
            cells.put(ReturnLayout.TASK_CODE, Cell.text(0, task));
        }
        if (requested instanceof LocalDate day) {
            cells.put(ReturnLayout.REQUESTED, new Cell(1, Cell.Kind.DATE, day.toString(), DateUtil.getExcelDate(day)));
        } else if (!requested.toString().isEmpty()) {
            cells.put(ReturnLayout.REQUESTED, Cell.text(1, requested.toString()));
        }
        if (!reason.isEmpty()) {
            cells.put(ReturnLayout.REASON, Cell.text(2, reason));
        }
        rows.add(new TableRow(rows.size() + 2, cells));
    }

    /** The rows written so far checked as {@code unit}'s March return (then forgotten), findings added to {@link #findings}. */
    private List<ExtensionRequest> check(String unit) {
        LedgerIndex ledger = reconciler.checks(YearMonth.parse("2024-03"), AS_OF, reconciler.currentVersion()).ledger();
        if (findings == null) {
            findings = new Findings(ledger);
        }
        ReturnFile file = new ReturnFile(unit + ".xlsx", null, ledger.unit(unit), SUBMITTED, false, null, FileOutcome.ACCEPTED);
        SheetTable table = new SheetTable(ReturnLayout.EXTENSION_SHEET,
                Map.of(ReturnLayout.TASK_CODE, "A", ReturnLayout.REQUESTED, "B", ReturnLayout.REASON, "C"), List.copyOf(rows));
        rows.clear();
        return new ExtensionRequestCheck(ledger, findings).check(file, Optional.of(table));
    }
}
