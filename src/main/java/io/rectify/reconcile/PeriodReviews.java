package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReviewOutcome;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A period's reviews folder ({@code <input>/reviews/<YYYY-MM>/}) as scanned and read.
 *
 * @param scan     its files, as the returns' scanner lists them
 * @param outcomes what reading gave for each workbook of the scan
 */
public record PeriodReviews(PeriodScan scan, Map<FoundFile, ReviewOutcome> outcomes) {

    /** A period without a reviews folder: nothing to read, nothing decided. */
    public static PeriodReviews none(YearMonth period) {
        return new PeriodReviews(new PeriodScan(period, List.of(), List.of()), Map.of());
    }
}
