package io.rectify.intake;

import io.rectify.workbook.Cell;
import io.rectify.workbook.Texts;

/**
 * A value of the metadata block above a table (a return's, a review workbook's): the label's cell and the value found in
 * the next non-empty cell to its right.
 *
 * @param row    the value's row as Excel numbers it
 * @param column the value's column letter
 */
public record MetadataField(String label, int row, String column, Cell cell) {

    public String text() {
        return Texts.clean(cell.text());
    }
}
