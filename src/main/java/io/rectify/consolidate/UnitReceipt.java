package io.rectify.consolidate;

import io.rectify.intake.ReturnLayout;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a unit is told about its period: the files it sent, the tasks (its lead tasks, and the
 * cooperating ones it reported), its current institution and accountability lists as counted, and
 * its exceptions, and by when it must act on them.
 */
public record UnitReceipt(UnitFigures unit, List<PeriodFile> files, List<ReceiptTask> tasks,
                          List<ListedInstitution> institutions, List<ListedAccountability> accountability,
                          List<ExceptionEntry> exceptions, ReturnDeadlines deadlines) {

    /** No return of the period was accepted: the unit sends one again, and that is its next return. */
    public boolean resends() {
        return unit.expected() && !unit.submitted();
    }

    /**
     * The day the unit's next return is due, in which it answers everything its receipt and 督办单 ask:
     * the re-sent return's when it {@link #resends()}, else the next period's.
     */
    public LocalDate nextReturnDue() {
        return resends() ? deadlines.resubmit() : deadlines.nextReturn();
    }

    /** Why one of the unit's files was rejected: the messages of its file errors; "" when none is listed. */
    public String rejection(PeriodFile file) {
        return exceptions.stream().filter(e -> e.rule().rejectsFile() && file.path().equals(e.file()))
                .map(ExceptionEntry::message).collect(Collectors.joining("；"));
    }

    /**
     * The unit's rejected 整改进展 rows that no line of its task list shows with its reason: a task
     * code the ledger does not have, a task that is not the unit's, a further row of a task whose
     * first row was taken.
     */
    public List<ExceptionEntry> rejectedRowsOutsideTasks() {
        Set<String> shown = tasks.stream().filter(t -> t.rejection() != null).map(t -> t.task().code())
                .collect(Collectors.toSet());
        return exceptions.stream().filter(UnitReceipt::rejectsProgressRow)
                .filter(e -> e.taskCode() != null ? !shown.contains(e.taskCode()) : e.rule() == Rule.UNKNOWN_TASK)
                .toList();
    }

    /** An error that rejected a row of 整改进展 (not of 制度建设, 问责情况 or 延期申请, which leave the task's row as it was). */
    static boolean rejectsProgressRow(ExceptionEntry e) {
        return e.rule().rejectsRow() && ReturnLayout.PROGRESS_SHEET.equals(e.sheet());
    }
}
