package io.rectify.intake;

/**
 * Reads one file of a reviews folder ({@code input/reviews/<period>/}, docs/REVIEWS.md) into a
 * {@link ReviewWorkbook}, or refuses it: file-unreadable, file-encrypted and the read limits exactly as for a
 * unit's return, review-mismatch for a workbook that is no review workbook at all, template-mismatch for one
 * missing its sheets or columns; with the supervision group the file names, so that the refusal reaches it.
 * Never throws for a bad file and never modifies it. Safe to share.
 */
public final class ReviewReader {

    private final LimitedReading reading;

    public ReviewReader(ReadLimits limits) {
        this.reading = new LimitedReading(limits);
    }

    /** Whether a file is small enough to be archived and read at all. */
    public boolean withinSizeLimit(FoundFile file) {
        return reading.withinSizeLimit(file);
    }

    public ReviewOutcome read(FoundFile file) {
        return reading.read(file, workbook -> new ReviewParser(file.relative(), workbook),
                refused -> new ReviewOutcome.Refused(refused, GroupClues.inPath(file.relative())));
    }
}
