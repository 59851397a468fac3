package io.rectify.workbook;

import java.io.IOException;

/**
 * A workbook whose content breaks the file format at a known place: the reader stops there and says
 * what is wrong and where, so that the caller can tell the sender exactly, instead of "damaged".
 * Thrown by {@link StreamingXlsxReader}; the message is for developers.
 */
public final class DamagedWorkbook extends IOException {

    /** What is wrong. */
    public enum Damage {
        /** workbook.xml lists a sheet whose relationship or part is missing, or points outside the package */
        MISSING_SHEET,
        /** a part's XML is not well-formed */
        MALFORMED_XML,
        /** a row number that is not 1 to 1048576 */
        BAD_ROW_NUMBER,
        /** a row numbered at or before the row above it */
        ROWS_OUT_OF_ORDER,
        /** a cell reference that is not a column within XFD followed by a row number */
        BAD_CELL_REFERENCE,
        /** a shared-string cell whose index is not a number or not in the shared strings */
        BAD_SHARED_STRING,
        /** a number cell whose value is not a number */
        BAD_NUMBER
    }

    private final Damage damage;
    private final String sheet;
    private final String part;
    private final Integer row;
    private final String column;
    private final String value;

    /**
     * @param sheet  the sheet's name, null when the damage is in another part
     * @param part   the part's path inside the package
     * @param row    Excel row number, null when none applies
     * @param column column letter, null when none applies
     * @param value  the offending text, null when none applies
     */
    DamagedWorkbook(Damage damage, String sheet, String part, Integer row, String column, String value, Throwable cause) {
        super(damage + " in " + (sheet == null ? part : "sheet '" + sheet + "'") + (row == null ? "" : " row " + row)
                + (column == null ? "" : " column " + column) + (value == null ? "" : ": '" + value + "'")
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.damage = damage;
        this.sheet = sheet;
        this.part = part;
        this.row = row;
        this.column = column;
        this.value = value;
    }

    public Damage damage() {
        return damage;
    }

    /** The sheet's name, null when the damage is in another part (the shared strings, the styles, workbook.xml). */
    public String sheet() {
        return sheet;
    }

    /** The part's path inside the package, such as /xl/sharedStrings.xml. */
    public String part() {
        return part;
    }

    public Integer row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
