package io.rectify.consolidate;

import io.rectify.ledger.Task;

/**
 * A task as a unit's receipt shows it.
 *
 * @param lead      the unit leads the task (else it cooperates)
 * @param reported  the row accepted from the unit's return this period, or null
 * @param rejection why the unit's row for the task was not adopted this period (the messages of its row
 *                  errors); null when a row was accepted or none was rejected
 * @param state     the task's consolidated status after the period's returns
 */
public record ReceiptTask(Task task, boolean lead, AcceptedRow reported, String rejection, TaskStatusRow state,
                          boolean overdue, boolean dueSoon) {
}
