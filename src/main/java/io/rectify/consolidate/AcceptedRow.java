package io.rectify.consolidate;

import io.rectify.rule.TaskStatus;
import java.time.LocalDate;

/** An accepted row of a unit's accepted return for the period (整改进展), as its receipt shows it. */
public record AcceptedRow(String unitCode, String taskCode, boolean lead, TaskStatus status, LocalDate completionDate,
                          String progress, String evidence, int excelRow) {
}
