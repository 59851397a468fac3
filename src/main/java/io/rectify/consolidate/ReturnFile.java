package io.rectify.consolidate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A file of a period folder as reconcile recorded it.
 *
 * @param path        relative to the period folder, '/' separated
 * @param unitCode    null when the file named no known unit
 * @param submittedOn 报送日期, else the file's last-modified day; null when unknown
 * @param outcome     accepted, superseded, duplicate, rejected, skipped, deferred (see {@link #ACCEPTED}...)
 */
public record ReturnFile(long id, YearMonth period, String path, String unitCode, LocalDate submittedOn,
                         String outcome, boolean late) {

    public static final String ACCEPTED = "accepted";
    public static final String SUPERSEDED = "superseded";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String SKIPPED = "skipped";
    public static final String DEFERRED = "deferred";

    public boolean accepted() {
        return ACCEPTED.equals(outcome);
    }

    public boolean rejected() {
        return REJECTED.equals(outcome);
    }
}
