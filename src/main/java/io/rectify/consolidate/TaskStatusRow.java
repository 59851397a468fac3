package io.rectify.consolidate;

import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A task's consolidated status for a period, as reconcile stored it in {@code task_status}.
 *
 * @param sourcePeriod the period whose return set it; null when it was never reported
 * @param signOff      where it stands in sign-off (待销号 / 已销号); null when it is neither
 * @param signedOffIn  the period whose review signed it off; null unless {@link SignOff#SIGNED_OFF}
 */
public record TaskStatusRow(TaskStatus status, LocalDate completionDate, YearMonth sourcePeriod, SignOff signOff,
                            YearMonth signedOffIn) {

    /** The state of a task nothing was ever recorded for. */
    public static final TaskStatusRow NEVER_REPORTED = new TaskStatusRow(TaskStatus.NOT_STARTED, null, null, null, null);

    public boolean signedOff() {
        return signOff == SignOff.SIGNED_OFF;
    }

    public boolean awaitingSignOff() {
        return signOff == SignOff.AWAITING;
    }
}
