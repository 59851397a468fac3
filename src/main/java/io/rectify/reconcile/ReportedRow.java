package io.rectify.reconcile;

import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import java.time.LocalDate;

/**
 * An accepted row of a used return's 整改进展 table.
 *
 * @param lead           the unit is the task's lead unit (only such rows set a status)
 * @param status         未启动, 推进中 or 已完成
 * @param completionDate for 已完成 only
 * @param statusCell     where the status was written
 * @param dateCell       where the completion date was written
 */
record ReportedRow(ReturnFile file, Unit unit, Task task, boolean lead, String status, LocalDate completionDate,
                   String progress, String evidence, String remark, int excelRow, Place statusCell, Place dateCell) {
}
