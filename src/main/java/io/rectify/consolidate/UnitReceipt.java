package io.rectify.consolidate;

import io.rectify.rule.ExceptionEntry;
import java.util.List;

/**
 * What a unit is told about its period: the files it sent, the tasks (its lead tasks, and the
 * cooperating ones it reported), its current institution and accountability lists as counted, and
 * its exceptions.
 */
public record UnitReceipt(UnitFigures unit, List<PeriodFile> files, List<ReceiptTask> tasks,
                          List<ListedInstitution> institutions, List<ListedAccountability> accountability,
                          List<ExceptionEntry> exceptions) {
}
