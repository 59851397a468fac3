package io.rectify.reconcile;

import static io.rectify.intake.ReturnLayout.EXTENSION_SHEET;
import static io.rectify.intake.ReturnLayout.REASON;
import static io.rectify.intake.ReturnLayout.REQUESTED;
import static io.rectify.intake.ReturnLayout.TASK_CODE;

import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.reconcile.LedgerIndex.Role;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.workbook.ExcelDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of docs/RULES.md for the 延期申请 sheet of a used return: invalid-extension-request,
 * extension-not-lead and extension-too-late. A request is judged against the task's deadline in force
 * before the period's own decisions, which is the deadline of the ledger the period's checks were made with.
 */
final class ExtensionRequestCheck {

    private final LedgerIndex ledger;
    private final Findings findings;

    ExtensionRequestCheck(LedgerIndex ledger, Findings findings) {
        this.ledger = ledger;
        this.findings = findings;
    }

    /** The accepted requests of the sheet, in sheet order; none when the return has no 延期申请 sheet. */
    List<ExtensionRequest> check(ReturnFile file, Optional<SheetTable> sheet) {
        if (sheet.isEmpty()) {
            return List.of();
        }
        List<ExtensionRequest> accepted = new ArrayList<>();
        Map<String, Integer> firstRows = new HashMap<>();
        for (TableRow row : sheet.get().rows()) {
            ExtensionRequest request = accepted(file, sheet.get(), row, firstRows);
            if (request != null) {
                accepted.add(request);
            }
        }
        return List.copyOf(accepted);
    }

    /** The row as accepted, or null when it is rejected (each reason flagged on its cell). */
    private ExtensionRequest accepted(ReturnFile file, SheetTable table, TableRow row, Map<String, Integer> firstRows) {
        Unit unit = file.unit();
        Place taskCell = Place.cell(file.path(), table, row, TASK_CODE);
        String typed = row.text(TASK_CODE);
        Optional<Task> found = typed.isEmpty() ? Optional.empty() : ledger.task(typed);
        if (found.isEmpty()) {
            findings.add(Rule.INVALID_EXTENSION_REQUEST, unit, null, taskCell, prefix(row) + (typed.isEmpty()
                    ? "未填写任务编号" : "的任务编号“" + typed + "”在台账中不存在")
                    + "，本行未采纳；请填写本单位牵头任务的任务编号，如仍需延期请更正后重新报送");
            return null;
        }
        Task task = found.get();
        Deadline deadline = task.deadline();
        String what = prefix(row) + "任务“" + task.code() + "”";
        if (ledger.role(unit, task) != Role.LEAD) {
            findings.add(Rule.EXTENSION_NOT_LEAD, unit, task, taskCell, what + "不是本单位牵头的任务（牵头单位："
                    + ledger.unit(task.leadUnit()).name() + "），本行未采纳；延期只能由牵头单位申请，如需延期请商牵头单位提出");
            return null;
        }
        Integer first = firstRows.putIfAbsent(task.code(), row.row());
        if (first != null) {
            findings.add(Rule.INVALID_EXTENSION_REQUEST, unit, task, taskCell, what + "与第" + first
                    + "行重复申请，本行未采纳；每条任务只填一行，请删除重复行");
            return null;
        }
        if (task.longTerm()) {
            findings.add(Rule.INVALID_EXTENSION_REQUEST, unit, task, taskCell, what + "的完成时限为“" + Deadline.LONG_TERM
                    + "”，无需申请延期，本行未采纳；请删除该行");
            return null;
        }
        Optional<LocalDate> requested = row.cell(REQUESTED).flatMap(ExcelDates::date);
        String asked = requested.map(d -> "申请延期至" + Periods.date(d))
                .orElse(row.text(REQUESTED).isEmpty() ? "未填写申请延期至" : "申请延期至“" + row.text(REQUESTED) + "”");
        if (deadline.date().isBefore(file.submittedOn())) {
            findings.add(Rule.EXTENSION_TOO_LATE, unit, task, taskCell, what + asked + "，但现完成时限"
                    + deadline.describe() + "在报送日期" + Periods.date(file.submittedOn())
                    + "前已届满，本行未采纳；延期须在完成时限届满前申请，请加快推进，完成后及时报送");
            return null;
        }
        boolean valid = true;
        Place requestedCell = Place.cell(file.path(), table, row, REQUESTED);
        if (requested.isEmpty()) {
            valid = false;
            findings.add(Rule.INVALID_EXTENSION_REQUEST, unit, task, requestedCell, what
                    + (row.text(REQUESTED).isEmpty() ? "未填写申请延期至日期" : "的申请延期至“" + row.text(REQUESTED) + "”无法识别")
                    + "，本行未采纳；请按“2024-09-30”的格式填写晚于现完成时限" + deadline.describe() + "的日期后重新报送");
        } else if (!requested.get().isAfter(deadline.date())) {
            valid = false;
            findings.add(Rule.INVALID_EXTENSION_REQUEST, unit, task, requestedCell, what + asked + "，不晚于现完成时限"
                    + deadline.describe() + "，本行未采纳；请填写晚于现完成时限的日期后重新报送");
        }
        String reason = row.text(REASON);
        if (reason.isEmpty()) {
            valid = false;
            findings.add(Rule.INVALID_EXTENSION_REQUEST, unit, task, Place.cell(file.path(), table, row, REASON),
                    what + "未填写延期理由，本行未采纳；请说明需要延期的原因后重新报送");
        }
        return valid ? new ExtensionRequest(unit, task, requested.get(), reason, requestedCell) : null;
    }

    private static String prefix(TableRow row) {
        return "“" + EXTENSION_SHEET + "”表第" + row.row() + "行";
    }
}
