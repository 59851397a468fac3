package io.rectify.ledger;

import java.util.Comparator;

/**
 * One error found in the master ledger: where it is and what the office must fix.
 *
 * @param sheet  the sheet, "" for an error about the ledger file itself
 * @param row    the row as Excel numbers it, 0 when the error is about a whole sheet or file
 * @param column the column letter, "" when the error is about a whole row, sheet or file
 * @param value  the offending value as the cell shows it (or the file names), "" when blank
 * @param reason what is wrong and what to do, in Chinese
 */
public record LedgerError(String sheet, int row, String column, String value, String reason) {

    /** File errors first, then sheet by sheet in workbook order, row by row, column by column. */
    static final Comparator<LedgerError> ORDER = Comparator
            .comparingInt((LedgerError e) -> e.sheet.isEmpty() ? -1 : LedgerLayout.SHEETS.indexOf(e.sheet))
            .thenComparingInt(LedgerError::row)
            .thenComparingInt(e -> e.column.length())
            .thenComparing(LedgerError::column);

    /** The cell as Excel names it, e.g. D12; "" when the error is not about one cell. */
    public String cell() {
        return row > 0 ? column + row : "";
    }

    /** One line for people: 【任务清单 D12】“U99” 牵头单位……. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!sheet.isEmpty()) {
            text.append('【').append(sheet);
            if (row > 0) {
                text.append(' ').append(column.isEmpty() ? "第" + row + "行" : cell());
            }
            text.append("】");
        }
        if (!value.isEmpty()) {
            text.append('“').append(value).append("” ");
        }
        return text.append(reason).toString();
    }
}
