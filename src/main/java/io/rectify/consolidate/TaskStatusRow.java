package io.rectify.consolidate;

import io.rectify.rule.TaskStatus;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A task's consolidated status for a period, as reconcile stored it in {@code task_status}.
 *
 * @param sourcePeriod the period whose return set it; null when it was never reported
 */
public record TaskStatusRow(TaskStatus status, LocalDate completionDate, YearMonth sourcePeriod) {

    /** The state of a task nothing was ever recorded for. */
    public static final TaskStatusRow NEVER_REPORTED = new TaskStatusRow(TaskStatus.NOT_STARTED, null, null);
}
