package io.rectify.reconcile;

import static io.rectify.intake.ReturnLayout.COMPLETION_DATE;
import static io.rectify.intake.ReturnLayout.DEADLINE;
import static io.rectify.intake.ReturnLayout.EVIDENCE;
import static io.rectify.intake.ReturnLayout.MEASURE;
import static io.rectify.intake.ReturnLayout.PROBLEM_CODE;
import static io.rectify.intake.ReturnLayout.PROGRESS;
import static io.rectify.intake.ReturnLayout.REMARK;
import static io.rectify.intake.ReturnLayout.ROLE;
import static io.rectify.intake.ReturnLayout.ROLE_COOPERATING;
import static io.rectify.intake.ReturnLayout.ROLE_LEAD;
import static io.rectify.intake.ReturnLayout.STATUS;
import static io.rectify.intake.ReturnLayout.TASK_CODE;

import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.reconcile.LedgerIndex.Role;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import io.rectify.workbook.Cell;
import io.rectify.workbook.ExcelDates;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The row rules for the 整改进展 table of a used return: which rows are accepted and which tasks
 * had a row that was rejected or left without status (such a task is not also task-not-reported
 * for the return as a whole). A cooperating unit's row left blank is no report and no exception.
 */
final class ProgressCheck {

    private static final String CHOICES = String.join("、", TaskStatus.words());
    /** What units write in 备注 to say they have nothing to report on a row. */
    private static final Set<String> NOTHING = Set.of("", "无", "暂无", "/", "-", "—");

    /**
     * The outcome for one return: its accepted rows, the ledger codes of tasks whose row was
     * rejected or left without status (each flagged on its row), and how many rows reported
     * something (all but blank cooperating rows): accepted or not taken.
     */
    record Progress(List<ReportedRow> rows, Set<String> flaggedTasks, int rowsFilled) {
    }

    private final LedgerIndex ledger;
    private final Findings findings;

    ProgressCheck(LedgerIndex ledger, Findings findings) {
        this.ledger = ledger;
        this.findings = findings;
    }

    Progress check(ReturnFile file, SheetTable table) {
        Unit unit = file.unit();
        List<ReportedRow> rows = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        int blank = 0;
        Map<String, Integer> firstRows = new HashMap<>();
        ReportedRow.Columns columns = new ReportedRow.Columns(table.sheet(), Place.letter(table, STATUS),
                Place.letter(table, COMPLETION_DATE));
        for (TableRow row : table.rows()) {
            String typed = row.text(TASK_CODE);
            Optional<Task> found = typed.isEmpty() ? Optional.empty() : ledger.task(typed);
            if (found.isEmpty()) {
                findings.add(Rule.UNKNOWN_TASK, unit, null, Place.cell(file.path(), table, row, TASK_CODE), typed.isEmpty()
                        ? "第" + row.row() + "行未填写任务编号，本行未采纳；请在下次报送时填写台账中的任务编号"
                        : "第" + row.row() + "行任务编号“" + typed + "”在台账中不存在，本行未采纳；请核对任务编号，在下次报送时更正");
                continue;
            }
            Task task = found.get();
            Role role = ledger.role(unit, task);
            if (role == Role.NONE) {
                findings.add(Rule.NOT_ASSIGNED, unit, task, Place.cell(file.path(), table, row, TASK_CODE),
                        "第" + row.row() + "行任务“" + task.code() + "”不是本单位的牵头或配合任务（牵头单位："
                                + ledger.unit(task.leadUnit()).name() + "），本行未采纳；请核对任务编号，在下次报送时更正或删除该行");
                continue;
            }
            if (role == Role.COOPERATING && blank(row)) {
                blank++;
                continue;
            }
            Integer first = firstRows.putIfAbsent(task.code(), row.row());
            if (first != null) {
                flagged.add(task.code());
                findings.add(Rule.DUPLICATE_TASK_ROW, unit, task, Place.cell(file.path(), table, row, TASK_CODE),
                        "第" + row.row() + "行任务“" + task.code() + "”与第" + first
                                + "行重复填报，本行未采纳；每条任务只填一行，请删除重复行");
                continue;
            }
            ReportedRow reported = accepted(file, table, row, task, role, columns);
            if (reported == null) {
                flagged.add(task.code());
            } else {
                rows.add(reported);
                warn(reported, table, row);
            }
        }
        return new Progress(rows, flagged, table.rows().size() - blank);
    }

    /**
     * Nothing reported on the row: 整改状态, 完成日期, 进展情况 and 佐证材料 blank, and 备注 blank or a
     * word for nothing (无, 暂无, /, -) as units close a row they have nothing to say on.
     */
    private static boolean blank(TableRow row) {
        return row.text(STATUS).isEmpty() && row.text(COMPLETION_DATE).isEmpty() && row.text(PROGRESS).isEmpty()
                && row.text(EVIDENCE).isEmpty() && NOTHING.contains(row.text(REMARK));
    }

    /**
     * The row as accepted, or null when it is not taken: its status is blank (task-not-reported) or
     * not a status (invalid-status), or its completion date is rejected.
     */
    private ReportedRow accepted(ReturnFile file, SheetTable table, TableRow row, Task task, Role role,
                                 ReportedRow.Columns columns) {
        Place statusCell = Place.cell(file.path(), table, row, STATUS);
        Place dateCell = Place.cell(file.path(), table, row, COMPLETION_DATE);
        String written = row.text(STATUS);
        String prefix = "第" + row.row() + "行任务“" + task.code() + "”";
        if (written.isEmpty()) {
            findings.add(Rule.TASK_NOT_REPORTED, file.unit(), task, statusCell, prefix + (role == Role.LEAD
                    ? "未填写整改状态，该任务暂沿用上期状态；请在下次报送时从“" + CHOICES + "”中选择填写整改状态"
                    : "（配合任务）未填写整改状态，本行未采纳；请从“" + CHOICES + "”中选择填写整改状态，"
                            + "如本期无进展可清空本行"));
            return null;
        }
        TaskStatus status = TaskStatus.parse(written).orElse(null);
        if (status == null) {
            findings.add(Rule.INVALID_STATUS, file.unit(), task, statusCell, prefix + "的整改状态“" + written
                    + "”无效：整改状态只能填写“" + CHOICES + "”之一，本行未采纳；请在下次报送时更正");
            return null;
        }
        LocalDate completed = null;
        if (status == TaskStatus.COMPLETED) {
            completed = completionDate(file, task, row, dateCell, prefix);
            if (completed == null) {
                return null;
            }
        }
        return new ReportedRow(file, task, role == Role.LEAD, status, completed, blankToNull(row.text(PROGRESS)),
                blankToNull(row.text(EVIDENCE)), blankToNull(row.text(REMARK)), row.row(), columns, statusCell.value(),
                dateCell.value());
    }

    private LocalDate completionDate(ReturnFile file, Task task, TableRow row, Place dateCell, String prefix) {
        if (row.text(COMPLETION_DATE).isEmpty()) {
            findings.add(Rule.MISSING_COMPLETION_DATE, file.unit(), task, dateCell,
                    prefix + "状态为已完成，但未填写完成日期，本行未采纳；请在下次报送时补充完成日期");
            return null;
        }
        Optional<LocalDate> date = ExcelDates.date(row.cell(COMPLETION_DATE).get());
        LocalDate feedback = ledger.info().feedbackDate();
        String problem = null;
        if (date.isEmpty()) {
            problem = "的完成日期“" + row.text(COMPLETION_DATE) + "”无法识别，本行未采纳；请按“2024-03-15”的格式填写";
        } else if (date.get().isAfter(file.submittedOn())) {
            problem = "的完成日期" + Periods.date(date.get()) + "晚于报送日期" + Periods.date(file.submittedOn())
                    + "，本行未采纳；请核实并更正完成日期";
        } else if (feedback != null && date.get().isBefore(feedback)) {
            problem = "的完成日期" + Periods.date(date.get()) + "早于巡视反馈日期" + Periods.date(feedback)
                    + "，本行未采纳；请核实并更正完成日期";
        }
        if (problem != null) {
            findings.add(Rule.INVALID_DATE, file.unit(), task, dateCell, prefix + problem);
            return null;
        }
        return date.get();
    }

    /** missing-evidence and ledger-field-changed: warnings on an accepted row. */
    private void warn(ReportedRow reported, SheetTable table, TableRow row) {
        Task task = reported.task();
        String file = reported.file().path();
        String prefix = "第" + row.row() + "行任务“" + task.code() + "”";
        if (reported.status() == TaskStatus.COMPLETED && reported.evidence() == null) {
            findings.add(Rule.MISSING_EVIDENCE, reported.unit(), task, Place.cell(file, table, row, EVIDENCE),
                    prefix + "已完成，但未填写佐证材料，补充后方可提请督查组销号；请补充佐证材料（文件名称、文号或存放位置）");
        }
        String role = reported.lead() ? ROLE_LEAD : ROLE_COOPERATING;
        Map<String, String> ledgerValues = Map.of(PROBLEM_CODE, task.problemCode(), MEASURE, task.measure(),
                DEADLINE, task.deadline().text(), ROLE, role);
        for (String column : List.of(PROBLEM_CODE, MEASURE, DEADLINE, ROLE)) {
            Optional<Cell> cell = row.cell(column).filter(c -> !Texts.clean(c.text()).isEmpty());
            if (cell.isPresent() && changed(column, cell.get(), task, role)) {
                findings.add(Rule.LEDGER_FIELD_CHANGED, reported.unit(), task, Place.cell(file, table, row, column),
                        prefix + "的“" + column + "”填为“" + Findings.brief(Texts.clean(cell.get().text()))
                                + "”，与台账“" + Findings.brief(ledgerValues.get(column))
                                + "”不一致；该列由台账生成，以台账为准，请勿修改，下次报送请恢复为台账内容");
            }
        }
    }

    /** Whether a copied ledger column was edited; blank cells are not (the ledger wins anyway). */
    private static boolean changed(String column, Cell cell, Task task, String role) {
        String typed = Texts.code(cell.text());
        return switch (column) {
            case PROBLEM_CODE -> !sameAsLedger(typed, task.problemCode());
            case MEASURE -> !sameAsLedger(typed, task.measure());
            case DEADLINE -> !task.deadline().sameAs(cell);
            case ROLE -> !typed.contains(role) || typed.contains(role.equals(ROLE_LEAD) ? ROLE_COOPERATING : ROLE_LEAD);
            default -> false;
        };
    }

    /** The template wrote formula-like ledger text neutralised (SafeText): that copy is not an edit. */
    private static boolean sameAsLedger(String typed, String ledgerValue) {
        return typed.equals(Texts.code(ledgerValue)) || typed.equals(Texts.code(SafeText.neutralise(ledgerValue)));
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
