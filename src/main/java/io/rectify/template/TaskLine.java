package io.rectify.template;

import io.rectify.intake.ReturnLayout;
import io.rectify.ledger.Task;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;

/**
 * One row of a template's 整改进展 table: a task of the unit and what is prefilled for it.
 *
 * @param lead           the unit is the task's lead unit (else a cooperating unit)
 * @param status         the last known status, null when there is none
 * @param completionDate the last known completion date, null when there is none
 * @param evidence       the 佐证材料 last reported with that status, for a lead task; null otherwise
 * @param note           what the 备注 cell says: that the unit's row of the period before was not
 *                       adopted and why; null when it was, or when there was none
 */
public record TaskLine(Task task, boolean lead, TaskStatus status, LocalDate completionDate, String evidence,
                       String note) {

    /** 责任类型 as the template shows it: 牵头 or 配合. */
    public String role() {
        return lead ? ReturnLayout.ROLE_LEAD : ReturnLayout.ROLE_COOPERATING;
    }

    /** 整改状态 as the template prefills it, null when there is no known status. */
    String statusWord() {
        return status == null ? null : status.word();
    }
}
