package io.rectify.consolidate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A task's consolidated status for a period, as reconcile stored it in {@code task_status}.
 *
 * @param sourcePeriod the period whose return set it; null when it was never reported
 */
public record TaskState(String status, LocalDate completionDate, YearMonth sourcePeriod) {

    public static final String NOT_STARTED = "未启动";
    public static final String IN_PROGRESS = "推进中";
    public static final String COMPLETED = "已完成";

    /** The state of a task nothing was ever recorded for. */
    public static final TaskState NEVER_REPORTED = new TaskState(NOT_STARTED, null, null);

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    public boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }
}
