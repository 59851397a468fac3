package io.rectify.intake;

/**
 * Reading a return stopped at one of its {@link ReadLimits}. Thrown out of the row handler, it ends
 * the read; the reader turns it into a file-unreadable outcome with this message and place.
 */
final class LimitExceeded extends RuntimeException {

    private final String sheet;
    private final Integer row;
    private final String column;
    private final String value;

    LimitExceeded(String message, String sheet, Integer row, String column, String value) {
        super(message, null, false, false);
        this.sheet = sheet;
        this.row = row;
        this.column = column;
        this.value = value;
    }

    ReadOutcome.Refused refusal() {
        return new ReadOutcome.Refused(io.rectify.rule.Rule.FILE_UNREADABLE, sheet, row, column, value, getMessage());
    }
}
