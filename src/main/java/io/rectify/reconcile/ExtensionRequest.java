package io.rectify.reconcile;

import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import java.time.LocalDate;

/**
 * An accepted row of a used return's 延期申请 sheet: the lead unit asks to move a task's deadline.
 *
 * @param task      the task with its deadline in force when the request was checked
 * @param requested 申请延期至, after the deadline in force
 * @param place     the row's 申请延期至 cell
 */
record ExtensionRequest(Unit unit, Task task, LocalDate requested, String reason, Place place) {
}
