package io.rectify.reconcile;

import io.rectify.intake.ReviewLayout;
import io.rectify.intake.ReviewWorkbook;
import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.SignOff;
import io.rectify.rule.Verdict;
import io.rectify.workbook.ExcelDates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The row rules of the accepted review workbooks of a period (docs/REVIEWS.md, docs/RULES.md): each decided row of
 * 销号审核, 回头看 and 延期审批 checked against the ledger and the period's state, and the sign-off verdicts applied
 * to that state. A blank decision is not yet decided: no exception, nothing changes. A rejected row changes nothing;
 * its exception reaches the workbook's group (for 延期审批, the group of the task's lead unit), never a unit.
 */
final class ReviewCheck {

    /** Why a decided row is rejected. */
    private record Rejection(Rule rule, String column, String message) {
    }

    /** A decided row that passed the checks. */
    private record Decided(Task task, Verdict verdict, String opinion, TableRow row) {
    }

    private final LedgerIndex ledger;
    private final YearMonth period;
    private final String current;
    private final Findings findings;

    ReviewCheck(LedgerIndex ledger, YearMonth period, Findings findings) {
        this.ledger = ledger;
        this.period = period;
        this.current = period.toString();
        this.findings = findings;
    }

    /** The accepted rows of the 销号审核 and 回头看 sheets of the accepted 销号审核表, given the state after the returns. */
    List<ReviewDecision> signOffs(List<ReviewFile> files, Map<String, TaskState> states) {
        List<ReviewDecision> decisions = new ArrayList<>();
        for (ReviewFile file : files) {
            if (!file.accepted() || file.kind() != ReviewWorkbook.Kind.SIGN_OFF) {
                continue;
            }
            ReviewWorkbook workbook = file.workbook();
            workbook.signOff().ifPresent(table -> decided(file, table, Verdict.Kind.SIGN_OFF, ReviewLayout.DECISION,
                    ReviewLayout.OPINION, file.group(), (task, verdict, row) -> notAwaiting(file, task, states.get(task.code())))
                    .forEach(d -> decisions.add(new ReviewDecision(file, d.task(), d.verdict(), d.opinion(), d.row().row()))));
            workbook.recheck().ifPresent(table -> decided(file, table, Verdict.Kind.RECHECK, ReviewLayout.RECHECK_DECISION,
                    ReviewLayout.RECHECK_OPINION, file.group(), (task, verdict, row) -> notSignedOff(file, task, states.get(task.code())))
                    .forEach(d -> decisions.add(new ReviewDecision(file, d.task(), d.verdict(), d.opinion(), d.row().row()))));
        }
        return decisions;
    }

    /**
     * The accepted rows of the accepted 延期审批表: the office's decisions on the period's requests
     * ({@code requests}: task code → the accepted request of this period).
     */
    List<ExtensionDecision> extensions(List<ReviewFile> files, Map<String, ExtensionRequest> requests) {
        List<ExtensionDecision> decisions = new ArrayList<>();
        for (ReviewFile file : files) {
            if (!file.accepted() || file.kind() != ReviewWorkbook.Kind.EXTENSION || file.workbook().extension().isEmpty()) {
                continue;
            }
            SheetTable table = file.workbook().extension().get();
            LocalDate decidedOn = file.workbook().field(ReviewLayout.APPROVED_ON).flatMap(f -> ExcelDates.date(f.cell())).orElse(null);
            for (Decided d : decided(file, table, Verdict.Kind.EXTENSION, ReviewLayout.EXTENSION_DECISION,
                    ReviewLayout.EXTENSION_OPINION, null, (task, verdict, row) -> notRequested(task, verdict, row, requests))) {
                ExtensionRequest request = requests.get(d.task().code());
                LocalDate extendedTo = d.verdict() != Verdict.GRANT ? null
                        : grantedTo(d.row()).flatMap(Function.identity()).orElse(request.requested());
                decisions.add(new ExtensionDecision(request, d.verdict(), extendedTo, d.opinion(), file.reviewer(), decidedOn,
                        ReviewFile.named(period, file.path()), d.row().row()));
            }
        }
        return decisions;
    }

    /**
     * The state after the period's sign-off verdicts: 同意销号 signs a task off in this period; 退回 and 不属实 put it
     * back to 推进中 and tell its lead unit why (signoff-returned, recheck-failed) on the status cell of its row in
     * its used return, when it has one ({@code leadRows}); 属实 changes nothing.
     */
    List<TaskState> apply(List<TaskState> states, List<ReviewDecision> decisions, Map<String, ReportedRow> leadRows) {
        Map<String, ReviewDecision> byTask = new HashMap<>();
        decisions.forEach(d -> byTask.put(d.task().code(), d));
        List<TaskState> after = new ArrayList<>(states.size());
        for (TaskState state : states) {
            ReviewDecision decision = byTask.get(state.taskCode());
            if (decision == null || decision.verdict() == Verdict.CONFIRMED) {
                after.add(state);
            } else if (decision.verdict() == Verdict.SIGN_OFF) {
                after.add(state.signedOff(current));
            } else {
                reopened(decision, state, leadRows.get(state.taskCode()));
                after.add(state.reopened());
            }
        }
        return after;
    }

    private void reopened(ReviewDecision decision, TaskState state, ReportedRow row) {
        Task task = decision.task();
        Unit unit = ledger.unit(task.leadUnit());
        Place place = row == null ? Place.NONE : row.statusCell();
        String opinion = "“" + decision.opinion() + "”";
        if (decision.verdict() == Verdict.RETURN) {
            findings.add(Rule.SIGNOFF_RETURNED, unit, task, place, "任务“" + task.code() + "”报已完成，" + decision.file().group()
                    + "审核未同意销号，予以退回，审核意见：" + opinion + "；该任务已按推进中统计，请按审核意见整改，完成后在报送表中重新报为已完成并补充佐证材料");
        } else {
            findings.add(Rule.RECHECK_FAILED, unit, task, place, "任务“" + task.code() + "”已于"
                    + Periods.text(YearMonth.parse(state.signedOffPeriod())) + "销号，" + decision.file().group()
                    + "回头看复核不属实，复核意见：" + opinion + "；销号已撤销，该任务已按推进中统计，请按复核意见整改，完成后在报送表中重新报为已完成并补充佐证材料");
        }
    }

    /** What makes a decided row of a known task not acceptable, beyond the shared rules; empty when it is. */
    private interface RowCheck {
        Optional<Rejection> check(Task task, Verdict verdict, TableRow row);
    }

    /**
     * The decided rows of a table that pass review-unknown-task, review-invalid-decision, {@code check}
     * (review-not-pending and the table's own), review-missing-opinion and duplicate-task-row (a task decided
     * twice: the later row), in sheet order; each rejected row gets one exception, the first rule it breaks.
     *
     * @param group the group its exceptions reach; null: the group of the task's lead unit
     */
    private List<Decided> decided(ReviewFile file, SheetTable table, Verdict.Kind kind, String decisionColumn,
                                  String opinionColumn, String group, RowCheck check) {
        String name = ReviewFile.named(period, file.path());
        Map<String, Integer> firstRow = new HashMap<>();
        List<Decided> decided = new ArrayList<>();
        for (TableRow row : table.rows()) {
            String code = row.text(ReviewLayout.TASK_CODE);
            String written = row.text(decisionColumn);
            Optional<Task> task = code.isEmpty() ? Optional.empty() : ledger.task(code);
            if (task.isEmpty()) {
                if (!code.isEmpty() || !written.isEmpty()) {
                    findings.addForGroup(Rule.REVIEW_UNKNOWN_TASK, group, null, Place.cell(name, table, row, ReviewLayout.TASK_CODE),
                            "第" + row.row() + "行" + (code.isEmpty() ? "未填写任务编号" : "任务编号“" + code + "”在台账中不存在")
                                    + "，本行未采纳；请按本期生成的审核表填写任务编号后重新提交");
                }
                continue;
            }
            if (written.isEmpty()) {
                continue;
            }
            Task t = task.get();
            String prefix = "第" + row.row() + "行任务“" + t.code() + "”";
            Optional<Verdict> verdict = Verdict.parse(kind, written);
            Optional<Rejection> rejection = verdict.isEmpty()
                    ? Optional.of(new Rejection(Rule.REVIEW_INVALID_DECISION, decisionColumn, decisionColumn + "“" + written
                            + "”无效，本行未采纳；请从下拉列表中选择“" + String.join("”或“", Verdict.words(kind)) + "”"))
                    : check.check(t, verdict.get(), row);
            String opinion = row.text(opinionColumn);
            if (rejection.isEmpty() && verdict.get().needsOpinion() && opinion.isEmpty()) {
                rejection = Optional.of(new Rejection(Rule.REVIEW_MISSING_OPINION, opinionColumn, decisionColumn + "为“"
                        + verdict.get().word() + "”，但未填写" + opinionColumn + "，本行未采纳；请在" + opinionColumn
                        + "中写明理由和要求（将告知牵头单位）"));
            }
            Integer first = firstRow.get(t.code());
            if (rejection.isEmpty() && first != null) {
                rejection = Optional.of(new Rejection(Rule.DUPLICATE_TASK_ROW, ReviewLayout.TASK_CODE, "与第" + first
                        + "行重复，本行未采纳；每条任务只填一行，请删除重复行"));
            }
            if (rejection.isPresent()) {
                Rejection r = rejection.get();
                findings.addForGroup(r.rule(), group != null ? group : ledger.unit(t.leadUnit()).group(), t,
                        Place.cell(name, table, row, r.column()), prefix + r.message());
                continue;
            }
            firstRow.put(t.code(), row.row());
            decided.add(new Decided(t, verdict.get(), opinion.isEmpty() ? null : opinion, row));
        }
        return decided;
    }

    /** review-not-pending of a 销号审核 row: the task is not 待销号 in this period, or not led by a unit of the group. */
    private Optional<Rejection> notAwaiting(ReviewFile file, Task task, TaskState state) {
        return otherGroup(file, task).or(() -> state.awaitingSignOff() ? Optional.empty()
                : Optional.of(new Rejection(Rule.REVIEW_NOT_PENDING, ReviewLayout.TASK_CODE, "本期不在待销号之列（" + where(state)
                        + "），本行未采纳；请只对本期生成的销号审核表所列任务作出审核结论")));
    }

    /** review-not-pending of a 回头看 row: the task is not 已销号 in an earlier period, or not led by a unit of the group. */
    private Optional<Rejection> notSignedOff(ReviewFile file, Task task, TaskState state) {
        return otherGroup(file, task).or(() -> state.signedOffBefore(current) ? Optional.empty()
                : Optional.of(new Rejection(Rule.REVIEW_NOT_PENDING, ReviewLayout.TASK_CODE, "不是此前已销号的任务（" + where(state)
                        + "），无需回头看复核，本行未采纳；请只对回头看所列抽查任务作出复核结论")));
    }

    private Optional<Rejection> otherGroup(ReviewFile file, Task task) {
        Unit lead = ledger.unit(task.leadUnit());
        return lead.group().equals(file.group()) ? Optional.empty()
                : Optional.of(new Rejection(Rule.REVIEW_NOT_PENDING, ReviewLayout.TASK_CODE, "的牵头单位“" + lead.name() + "”属于"
                        + lead.group() + "，不属本组（" + file.group() + "），本行未采纳；请只审核本组单位牵头的任务"));
    }

    /** A task's state in words: 当前状态为已完成（待销号）. */
    private static String where(TaskState state) {
        return "当前状态为" + state.status().word() + (state.signOff() == null ? ""
                : state.signOff() == SignOff.SIGNED_OFF
                ? "，已于" + Periods.text(YearMonth.parse(state.signedOffPeriod())) + "销号" : "，" + state.signOff().word());
    }

    /** review-not-pending without a request of the period; review-invalid-decision for an unusable 批准延期至. */
    private Optional<Rejection> notRequested(Task task, Verdict verdict, TableRow row, Map<String, ExtensionRequest> requests) {
        ExtensionRequest request = requests.get(task.code());
        if (request == null) {
            return Optional.of(new Rejection(Rule.REVIEW_NOT_PENDING, ReviewLayout.TASK_CODE, "本期没有已受理的延期申请，本行未采纳；"
                    + "请只对本期生成的延期审批表所列申请作出审批结论"));
        }
        Optional<Optional<LocalDate>> granted = grantedTo(row);
        if (verdict != Verdict.GRANT || granted.isEmpty()) {
            return Optional.empty();
        }
        String column = ReviewLayout.GRANTED_TO;
        if (granted.get().isEmpty()) {
            return Optional.of(new Rejection(Rule.REVIEW_INVALID_DECISION, column, column + "“" + row.text(column)
                    + "”无法识别为日期，本行未采纳；请填写日期（如2024-09-30），或留空表示按申请的日期批准"));
        }
        LocalDate deadline = request.task().deadline().date();
        if (!granted.get().get().isAfter(deadline)) {
            return Optional.of(new Rejection(Rule.REVIEW_INVALID_DECISION, column, column + Periods.date(granted.get().get())
                    + "不晚于现完成时限" + Periods.date(deadline) + "，本行未采纳；请填写晚于现完成时限的日期"));
        }
        return Optional.empty();
    }

    /** 批准延期至 of a row: empty when blank, an empty date when it cannot be read as one. */
    private static Optional<Optional<LocalDate>> grantedTo(TableRow row) {
        return row.cell(ReviewLayout.GRANTED_TO).filter(c -> !row.text(ReviewLayout.GRANTED_TO).isEmpty())
                .map(ExcelDates::date);
    }
}
