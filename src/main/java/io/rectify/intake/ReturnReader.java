package io.rectify.intake;

/**
 * Reads one unit return into a {@link UnitReturn}, or refuses it as file-unreadable,
 * file-encrypted or template-mismatch, with the unit clues found in a file that was opened. Never throws for a bad file: whatever the file
 * holds, the outcome says what happened and what the unit should do. Never modifies the file.
 * Every file is read within {@link ReadLimits}: on a thread of its own that is given up (and
 * interrupted) when the time limit passes, so that no file can hold up the run. Safe to share.
 */
public final class ReturnReader {

    private final LimitedReading reading;

    public ReturnReader() {
        this(ReadLimits.DEFAULTS);
    }

    public ReturnReader(ReadLimits limits) {
        this.reading = new LimitedReading(limits);
    }

    /** Whether a file is small enough to be archived and read at all. */
    public boolean withinSizeLimit(FoundFile file) {
        return reading.withinSizeLimit(file);
    }

    public ReadOutcome read(FoundFile file) {
        return reading.read(file, workbook -> new ReturnParser(file.relative(), workbook), refused -> refused);
    }
}
