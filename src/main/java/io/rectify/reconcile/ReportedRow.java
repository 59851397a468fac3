package io.rectify.reconcile;

import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import java.time.LocalDate;

/**
 * An accepted row of a used return's 整改进展 table. A period holds one per task (400,000 in a
 * city), so the places of its cells are made when an exception needs them, from the texts kept.
 *
 * @param lead           the unit is the task's lead unit (only such rows set a status)
 * @param completionDate for 已完成 only
 * @param columns        where the table's status and completion date columns are
 * @param statusText     the status cell's text as written
 * @param dateText       the completion date cell's text as written, null when empty
 */
record ReportedRow(ReturnFile file, Task task, boolean lead, TaskStatus status, LocalDate completionDate,
                   String progress, String evidence, String remark, int excelRow, Columns columns,
                   String statusText, String dateText) {

    /** The sheet of a 整改进展 table and the letters of its 整改状态 and 完成日期 columns (null when absent). */
    record Columns(String sheet, String status, String date) {
    }

    Unit unit() {
        return file.unit();
    }

    /** Where the status was written. */
    Place statusCell() {
        return new Place(file.path(), columns.sheet(), excelRow, columns.status(), statusText);
    }

    /** Where the completion date was written. */
    Place dateCell() {
        return new Place(file.path(), columns.sheet(), excelRow, columns.date(), dateText);
    }
}
