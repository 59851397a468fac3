package io.rectify.intake;

import io.rectify.ops.RectifyProperties;
import io.rectify.workbook.SafeText;
import java.time.Duration;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The limits every return is read within, so that no file a unit sends can stop or starve the
 * nightly run (docs/RELIABILITY.md). A file over a limit is file-unreadable with a message that
 * names the limit. Besides these, Excel's own limits hold: a cell of at most
 * {@value #MAX_CELL_CHARS} characters and a sheet name of at most {@value #MAX_SHEET_NAME_CHARS}.
 *
 * @param maxFileBytes    largest file read; bigger files are neither archived nor opened
 * @param maxRows         most non-blank rows read from one return, all sheets together
 * @param timeLimit       longest time reading one file may take
 * @param maxPartBytes    largest size a part of an .xlsx package (a sheet, the shared strings) may inflate to
 * @param minInflateRatio smallest compressed-to-inflated size ratio of a part (POI's zip-bomb guard)
 * @param maxParts        most parts an .xlsx package may hold
 */
public record ReadLimits(long maxFileBytes, int maxRows, Duration timeLimit, long maxPartBytes, double minInflateRatio,
                         int maxParts) {

    public static final ReadLimits DEFAULTS = new ReadLimits(20L << 20, 10_000, Duration.ofSeconds(60), 25L << 20,
            0.01, 1000);

    /** The limits a run was configured with ({@code rectify.limits.*}). */
    public static ReadLimits of(RectifyProperties.Limits limits) {
        return new ReadLimits(limits.maxFileSize().toBytes(), limits.maxRows(), limits.timePerFile(),
                limits.maxPartSize().toBytes(), limits.minInflateRatio(), limits.maxParts());
    }

    /** Excel's limit on the text of a cell: longer text cannot come from Excel or WPS. */
    public static final int MAX_CELL_CHARS = SafeText.MAX_CELL_CHARS;
    /** Excel's limit on the length of a sheet name. */
    public static final int MAX_SHEET_NAME_CHARS = 31;

    /**
     * Sets POI's zip-bomb guard to these limits. POI keeps them in static fields, so the reader sets
     * them before each file rather than once: whatever else ran in the JVM, a file is read with its
     * reader's limits.
     */
    void applyToPoi() {
        ZipSecureFile.setMaxEntrySize(maxPartBytes);
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxFileCount(maxParts);
    }

    /** The limits as the log shows them at the start of a run. */
    public String describe() {
        return "file <= %s, <= %d rows, <= %s s per file; .xlsx parts <= %s inflated, inflate ratio >= %s, <= %d parts"
                .formatted(size(maxFileBytes), maxRows, seconds(timeLimit), size(maxPartBytes),
                        minInflateRatio, maxParts);
    }

    /** A duration in seconds, with the fraction when there is one. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    /** A size as people read it: whole megabytes, one decimal, or kilobytes under one megabyte. */
    static String size(long bytes) {
        if (bytes < 1L << 20) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MB" : "%.1f MB".formatted(bytes / (double) (1L << 20));
    }
}
