package io.rectify.reconcile;

import java.time.YearMonth;

/**
 * What reconciling a period gave, in counts (the details are in the database).
 *
 * @param files         files of the period folder, skipped ones included
 * @param accepted      returns used (one per unit at most)
 * @param late          used returns submitted after the cut-off
 * @param rowsAccepted  accepted 整改进展 rows of the used returns
 * @param rowsRejected  rejected 整改进展 rows of the used returns
 * @param carriedForward tasks whose status was not set by this period's returns
 */
public record ReconcileResult(YearMonth period, int files, int accepted, int superseded, int duplicates,
                              int rejected, int skipped, int late, int rowsAccepted, int rowsRejected, int tasks,
                              int completed, int carriedForward, int errors, int warnings, int infos) {

    /** One line for the job log and summary. */
    public String summary() {
        return String.format("%s: %d files (%d accepted, %d late, %d superseded, %d duplicate, %d rejected, %d skipped); "
                + "%d rows accepted, %d rejected; %d tasks, %d completed, %d carried forward; "
                + "exceptions %d error, %d warning, %d info", period, files, accepted, late, superseded, duplicates,
                rejected, skipped, rowsAccepted, rowsRejected, tasks, completed, carriedForward, errors, warnings, infos);
    }
}
