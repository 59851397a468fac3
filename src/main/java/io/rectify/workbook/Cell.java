package io.rectify.workbook;

/**
 * One non-empty cell as read from a sheet. Formula cells carry their cached result, never a
 * re-evaluation.
 *
 * @param column zero-based column index
 * @param kind   what the cell holds
 * @param text   the text as a person sees it (for numbers and dates the formatted value)
 * @param number the raw numeric value for {@link Kind#NUMBER} and {@link Kind#DATE} (an Excel serial date), else 0
 */
public record Cell(int column, Kind kind, String text, double number) {

    public enum Kind { TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    public static Cell text(int column, String text) {
        return new Cell(column, Kind.TEXT, text, 0);
    }

    /** The column letter as Excel shows it: A, B, ..., AA. */
    public String columnLetter() {
        return columnLetter(column);
    }

    public static String columnLetter(int column) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(column);
    }

    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.DATE;
    }
}
