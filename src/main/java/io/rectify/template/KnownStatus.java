package io.rectify.template;

import io.rectify.rule.TaskStatus;
import java.time.LocalDate;

/**
 * A task's last known state before a template's period, as the nightly job consolidated it.
 *
 * @param completionDate 完成日期, null when none was reported
 * @param evidence       佐证材料 of the lead unit's row that gave the status, null when none
 */
public record KnownStatus(TaskStatus status, LocalDate completionDate, String evidence) {

    public KnownStatus(TaskStatus status, LocalDate completionDate) {
        this(status, completionDate, null);
    }
}
