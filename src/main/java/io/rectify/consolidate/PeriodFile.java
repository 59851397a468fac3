package io.rectify.consolidate;

import io.rectify.rule.FileOutcome;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A file of a period folder as reconcile recorded it.
 *
 * @param path        relative to the period folder, '/' separated
 * @param unitCode    null when the file named no known unit
 * @param submittedOn 报送日期, else the file's last-modified day; null when unknown
 * @param sha256      the content hash it is archived under ({@code io.rectify.intake.Archive}); null for a skipped file
 */
public record PeriodFile(long id, YearMonth period, String path, String unitCode, LocalDate submittedOn,
                         FileOutcome outcome, boolean late, String sha256) {

    public boolean accepted() {
        return outcome == FileOutcome.ACCEPTED;
    }

    public boolean rejected() {
        return outcome == FileOutcome.REJECTED;
    }
}
