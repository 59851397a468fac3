package io.rectify.reconcile;

import io.rectify.rule.TaskStatus;
import java.time.LocalDate;

/**
 * A task's consolidated status in one period (a task_status row).
 *
 * @param completionDate set when 已完成
 * @param sourcePeriod   the period whose return set it, "YYYY-MM"; null when never reported
 */
record TaskState(String taskCode, TaskStatus status, LocalDate completionDate, String sourcePeriod) {

    static TaskState neverReported(String taskCode) {
        return new TaskState(taskCode, TaskStatus.NOT_STARTED, null, null);
    }

    boolean completed() {
        return status == TaskStatus.COMPLETED;
    }
}
