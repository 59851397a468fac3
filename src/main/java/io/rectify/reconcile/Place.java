package io.rectify.reconcile;

import io.rectify.intake.MetadataField;
import io.rectify.intake.SheetTable;
import io.rectify.intake.TableRow;
import io.rectify.workbook.Cell;

/**
 * Where an exception points: file (relative to the period folder), sheet, Excel row, column letter
 * and the value as the unit wrote it. Parts that do not apply are null.
 */
record Place(String file, String sheet, Integer row, String column, String value) {

    static final Place NONE = new Place(null, null, null, null, null);

    static Place file(String file) {
        return new Place(file, null, null, null, null);
    }

    static Place sheet(String file, String sheet) {
        return new Place(file, sheet, null, null, null);
    }

    /** A metadata value's cell; a label left without value points where the value belongs, with no value. */
    static Place field(String file, String sheet, MetadataField field) {
        return new Place(file, sheet, field.row(), field.column(), field.text().isEmpty() ? null : field.cell().text());
    }

    /** A cell of a table row; the column's letter and the original text (null when the cell is empty). */
    static Place cell(String file, SheetTable table, TableRow row, String column) {
        return new Place(file, table.sheet(), row.row(), letter(table, column), row.cell(column).map(Cell::text).orElse(null));
    }

    /** A column's letter, null when the table lacks the column. */
    static String letter(SheetTable table, String column) {
        return table.has(column) ? table.letter(column) : null;
    }
}
