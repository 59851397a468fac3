package io.rectify.reconcile;

import io.rectify.rule.FileOutcome;
import java.time.YearMonth;
import java.util.Map;

/** What reconciling a period gave, in counts (the details are in the database). */
public record ReconcileResult(YearMonth period, Files files, Rows rows, Tasks tasks, Exceptions exceptions, Units units) {

    /**
     * The files of the period folder, skipped ones included.
     *
     * @param late used returns submitted after the cut-off
     */
    public record Files(int total, Map<FileOutcome, Integer> byOutcome, int late) {

        public Files {
            byOutcome = Map.copyOf(byOutcome);
        }

        public int count(FileOutcome outcome) {
            return byOutcome.getOrDefault(outcome, 0);
        }
    }

    /** The 整改进展 rows of the used returns. */
    public record Rows(int accepted, int rejected) {
    }

    /** @param carriedForward tasks whose status was not set by this period's returns */
    public record Tasks(int total, int completed, int carriedForward) {
    }

    public record Exceptions(int errors, int warnings, int infos) {
    }

    /**
     * The ledger's units by what storing the period did to them.
     *
     * @param reconciled units whose stored state (files, rows, lists or exceptions) changed and was stored again
     * @param kept       units whose stored state was kept as it was
     */
    public record Units(int reconciled, int kept) {
    }

    /** One line for the job log and summary. */
    public String summary() {
        return String.format("%s: %d files (%d accepted, %d late, %d superseded, %d duplicate, %d rejected, %d skipped); "
                + "%d rows accepted, %d rejected; %d tasks, %d completed, %d carried forward; "
                + "exceptions %d error, %d warning, %d info", period, files.total(), files.count(FileOutcome.ACCEPTED),
                files.late(), files.count(FileOutcome.SUPERSEDED), files.count(FileOutcome.DUPLICATE),
                files.count(FileOutcome.REJECTED), files.count(FileOutcome.SKIPPED), rows.accepted(), rows.rejected(),
                tasks.total(), tasks.completed(), tasks.carriedForward(), exceptions.errors(), exceptions.warnings(),
                exceptions.infos());
    }
}
