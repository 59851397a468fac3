package io.rectify.reconcile;

import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The task and unit rules of docs/RULES.md for one period: each task's status after this period's
 * returns (from its lead unit's accepted row, else carried forward), and task-not-reported,
 * missing-return, overdue, due-soon, regression, completion-date-changed and completed-late,
 * each at most once per task.
 */
final class TaskRollup {

    /**
     * What the period's used returns gave.
     *
     * @param used          each unit's used (accepted) return, by unit code
     * @param leadRows      the accepted rows of lead units, by ledger task code
     * @param flaggedTasks  per unit code, the tasks whose row in its used return was rejected or left
     *                      without status, each already flagged on its row
     * @param rejectedFiles per unit code, its files that were rejected, in path order
     */
    record Reported(Map<String, ReturnFile> used, Map<String, ReportedRow> leadRows,
                    Map<String, Set<String>> flaggedTasks, Map<String, List<RejectedFile>> rejectedFiles) {
    }

    /** A file of a unit that was rejected, and why: the messages of its file-scope errors. */
    record RejectedFile(String path, String reason) {
    }

    private final LedgerIndex ledger;
    private final Findings findings;
    private final YearMonth period;
    private final LocalDate asOf;
    private final int dueSoonDays;
    /** Tasks whose lead row of this period gives a completion date not reported before: completed-late is judged once. */
    private final Set<String> newlyDated = new HashSet<>();

    TaskRollup(LedgerIndex ledger, Findings findings, YearMonth period, LocalDate asOf, int dueSoonDays) {
        this.ledger = ledger;
        this.findings = findings;
        this.period = period;
        this.asOf = asOf;
        this.dueSoonDays = dueSoonDays;
    }

    /**
     * The status and sign-off of every ledger task after this period's returns, in ledger order (the
     * deadline rules come later, {@link #checkDeadlines}, once the period's reviews are applied).
     */
    List<TaskState> rollup(Reported reported, Map<String, TaskState> previous) {
        for (Unit unit : ledger.units()) {
            checkReturned(unit, reported);
        }
        List<TaskState> states = new ArrayList<>(ledger.tasks().size());
        for (Task task : ledger.tasks()) {
            TaskState before = previous.get(task.code());
            ReportedRow row = reported.leadRows().get(task.code());
            if (row != null) {
                states.add(reported(task, before, row));
                compare(task, before, row);
            } else {
                states.add(before == null ? TaskState.neverReported(task.code()) : before);
            }
        }
        return states;
    }

    /**
     * The state a lead row sets. 已完成 with a completion date and evidence awaits sign-off, unless the task was
     * signed off before and is still 已完成 (it stays signed off); anything else has no sign-off.
     */
    private TaskState reported(Task task, TaskState before, ReportedRow row) {
        String current = period.toString();
        if (row.status() != TaskStatus.COMPLETED) {
            return new TaskState(task.code(), row.status(), row.completionDate(), current, null, null);
        }
        if (before != null && before.completed() && before.signOff() == SignOff.SIGNED_OFF) {
            return new TaskState(task.code(), row.status(), row.completionDate(), current, SignOff.SIGNED_OFF,
                    before.signedOffPeriod());
        }
        boolean evidenced = row.completionDate() != null && row.evidence() != null && !row.evidence().isBlank();
        return new TaskState(task.code(), row.status(), row.completionDate(), current,
                evidenced ? SignOff.AWAITING : null, null);
    }

    /** overdue and due-soon of every task, on its state after the period's returns and reviews. */
    void checkDeadlines(List<TaskState> states, Reported reported) {
        for (int i = 0; i < states.size(); i++) {
            Task task = ledger.tasks().get(i);
            checkDeadline(task, states.get(i), reported.leadRows().get(task.code()));
        }
    }

    /**
     * missing-return for a unit with lead tasks and no used return, saying which of its files were
     * received and why each was not taken; else task-not-reported.
     */
    private void checkReturned(Unit unit, Reported reported) {
        List<Task> leadTasks = ledger.leadTasks(unit);
        if (leadTasks.isEmpty()) {
            return;
        }
        ReturnFile used = reported.used().get(unit.code());
        if (used == null) {
            List<RejectedFile> rejected = reported.rejectedFiles().getOrDefault(unit.code(), List.of());
            findings.add(Rule.MISSING_RETURN, unit, null, Place.NONE, rejected.isEmpty()
                    ? "本单位牵头" + leadTasks.size() + "条任务，本期（" + Periods.text(period)
                            + "）未收到可采纳的报送表；各条任务暂沿用上期状态，请按要求填报后报送"
                    : "本期（" + Periods.text(period) + "）收到本单位报送的文件" + received(rejected) + "；本单位牵头的"
                            + leadTasks.size() + "条任务暂沿用上期状态，请按要求修改后重新报送");
            return;
        }
        Set<String> flagged = reported.flaggedTasks().getOrDefault(unit.code(), Set.of());
        for (Task task : leadTasks) {
            if (!reported.leadRows().containsKey(task.code()) && !flagged.contains(task.code())) {
                findings.add(Rule.TASK_NOT_REPORTED, unit, task, used.sheet(), "本期报送表中未填报牵头任务“"
                        + task.code() + "”，该任务暂沿用上期状态；请在下次报送时补充该任务的整改状态");
            }
        }
    }

    /** “x.xlsx”，但未采纳（原因：…）, or for several files “a.xlsx”（原因：…）、“b.xlsx”（原因：…），均未采纳. */
    private static String received(List<RejectedFile> rejected) {
        if (rejected.size() == 1) {
            return "“" + rejected.get(0).path() + "”，但未采纳（原因：" + rejected.get(0).reason() + "）";
        }
        return rejected.stream().map(f -> "“" + f.path() + "”（原因：" + f.reason() + "）")
                .collect(Collectors.joining("、")) + "，均未采纳";
    }

    /** regression and completion-date-changed: this period's row against the state before it. */
    private void compare(Task task, TaskState before, ReportedRow row) {
        Unit unit = row.unit();
        boolean wasCompleted = before != null && before.completed();
        boolean completed = row.status() == TaskStatus.COMPLETED;
        if (wasCompleted && !completed) {
            findings.add(Rule.REGRESSION, unit, task, row.statusCell(), "任务“" + task.code() + "”在"
                    + Periods.text(YearMonth.parse(before.sourcePeriod())) + "已报已完成"
                    + (before.signOff() == SignOff.SIGNED_OFF ? "并已销号" : "") + "，本期报为“" + row.status()
                    + "”，出现整改反弹" + (before.signOff() == SignOff.SIGNED_OFF ? "，销号已撤销，该任务将列入督查组回头看" : "")
                    + "；已按本期状态统计，请核实：如确已完成请更正状态，如确属反弹请在进展情况中说明原因和整改计划");
        }
        if (wasCompleted && completed && before.completionDate() != null
                && !before.completionDate().equals(row.completionDate())) {
            findings.add(Rule.COMPLETION_DATE_CHANGED, unit, task, row.dateCell(), "任务“" + task.code() + "”在"
                    + Periods.text(YearMonth.parse(before.sourcePeriod())) + "报送的完成日期为" + before.completionDate() + "，本期改为"
                    + row.completionDate() + "；已按本期日期更新，请核实完成日期是否正确");
        }
        // reported once: in the period whose return first gives this completion date
        if (completed && (!wasCompleted || !row.completionDate().equals(before.completionDate()))) {
            newlyDated.add(task.code());
        }
    }

    /**
     * overdue and due-soon on the status after this period (its returns and reviews); completed-late of a task
     * still 已完成 whose row gave a new completion date. 长期坚持 is never any of them.
     */
    private void checkDeadline(Task task, TaskState state, ReportedRow row) {
        if (task.longTerm()) {
            return;
        }
        if (state.completed()) {
            if (newlyDated.contains(task.code()) && row.completionDate().isAfter(task.deadline().date())) {
                findings.add(Rule.COMPLETED_LATE, row.unit(), task, row.dateCell(), "任务“" + task.code() + "”完成日期"
                        + row.completionDate() + "晚于完成时限" + task.deadline().describe() + "，属超期完成；请在进展情况中说明超期原因");
            }
            return;
        }
        Unit unit = ledger.unit(task.leadUnit());
        Place place = row == null ? Place.NONE : row.statusCell();
        String current = "当前状态为“" + state.status() + "”" + (row != null ? ""
                : state.sourcePeriod() == null ? "（本单位从未报送该任务）" : "（沿用" + Periods.text(YearMonth.parse(state.sourcePeriod())) + "报送）");
        LocalDate due = task.deadline().date();
        if (due.isBefore(asOf)) {
            findings.add(Rule.OVERDUE, unit, task, place, "任务“" + task.code() + "”完成时限为" + task.deadline().describe()
                    + "，截至" + Periods.date(asOf) + "，" + current + "，已逾期未完成；请加快推进，完成后及时报送");
        } else if (!due.isAfter(asOf.plusDays(dueSoonDays))) {
            long daysLeft = ChronoUnit.DAYS.between(asOf, due);
            findings.add(Rule.DUE_SOON, unit, task, place, "任务“" + task.code() + "”完成时限为" + task.deadline().describe()
                    + (daysLeft == 0 ? "，今日到期（统计截至" + Periods.date(asOf) + "）" : "，距" + Periods.date(asOf) + "还有" + daysLeft + "天")
                    + "，" + current + "；请抓紧推进，确保按期完成");
        }
    }
}
