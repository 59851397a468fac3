package io.rectify.reconcile;

import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;

/**
 * A task's consolidated status in one period (a task_status row).
 *
 * @param completionDate  set when 已完成
 * @param sourcePeriod    the period whose return set it, "YYYY-MM"; null when never reported
 * @param signOff         where it stands in sign-off (docs/REVIEWS.md); null when it has none
 * @param signedOffPeriod the period whose review signed it off, "YYYY-MM"; set with {@link SignOff#SIGNED_OFF} only
 */
record TaskState(String taskCode, TaskStatus status, LocalDate completionDate, String sourcePeriod, SignOff signOff,
                 String signedOffPeriod) {

    static TaskState neverReported(String taskCode) {
        return new TaskState(taskCode, TaskStatus.NOT_STARTED, null, null, null, null);
    }

    boolean completed() {
        return status == TaskStatus.COMPLETED;
    }

    boolean awaitingSignOff() {
        return signOff == SignOff.AWAITING;
    }

    /** Signed off by the review of a period before {@code period}. */
    boolean signedOffBefore(String period) {
        return signOff == SignOff.SIGNED_OFF && signedOffPeriod.compareTo(period) < 0;
    }

    /** This state signed off by the review of {@code period}. */
    TaskState signedOff(String period) {
        return new TaskState(taskCode, status, completionDate, sourcePeriod, SignOff.SIGNED_OFF, period);
    }

    /** This state sent back by a review: 推进中 again, without completion date or sign-off. */
    TaskState reopened() {
        return new TaskState(taskCode, TaskStatus.IN_PROGRESS, null, sourcePeriod, null, null);
    }
}
