package io.rectify.consolidate;

import io.rectify.rule.ExceptionEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a unit is told about its period: the files it sent, the tasks (its lead tasks, and the
 * cooperating ones it reported), its current institution and accountability lists as counted, and
 * its exceptions.
 */
public record UnitReceipt(UnitFigures unit, List<PeriodFile> files, List<ReceiptTask> tasks,
                          List<ListedInstitution> institutions, List<ListedAccountability> accountability,
                          List<ExceptionEntry> exceptions) {

    /** Why one of the unit's files was rejected: the messages of its file errors; "" when none is listed. */
    public String rejection(PeriodFile file) {
        return exceptions.stream().filter(e -> e.rule().rejectsFile() && file.path().equals(e.file()))
                .map(ExceptionEntry::message).collect(Collectors.joining("；"));
    }
}
