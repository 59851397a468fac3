package io.rectify.sample;

import io.rectify.workbook.SafeText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Filling in a workbook Rectify wrote, as a person does: tables found by their headers, fields by
 * the label left of them, values typed into the cells already there so that they keep the
 * workbook's style (date format, unlocked input cell). Shared by {@link FilledTemplate} and
 * {@link FilledReview}.
 */
final class FilledCells {

    /** A table's header row: its index and its columns by header text. */
    record Header(int row, Map<String, Integer> columns) {

        int column(String name) {
            Integer column = columns.get(name);
            if (column == null) {
                throw new IllegalStateException("no column " + name + " in " + columns.keySet());
            }
            return column;
        }
    }

    private FilledCells() {
    }

    /** The first row of {@code sheet} holding all of {@code names}; fails when there is none. */
    static Header header(Sheet sheet, List<String> names) {
        if (sheet == null) {
            throw new IllegalStateException("the workbook has no sheet with the columns " + names);
        }
        for (Row row : sheet) {
            Map<String, Integer> found = headers(row);
            if (found.keySet().containsAll(names)) {
                return new Header(row.getRowNum(), found);
            }
        }
        throw new IllegalStateException("no header " + names + " in sheet " + sheet.getSheetName());
    }

    /** A row's non-blank texts by the column they are in first. */
    static Map<String, Integer> headers(Row row) {
        Map<String, Integer> headers = new HashMap<>();
        for (Cell cell : row) {
            String text = text(cell);
            if (!text.isEmpty()) {
                headers.putIfAbsent(text, cell.getColumnIndex());
            }
        }
        return headers;
    }

    /**
     * Types {@code value} into the field right of the cell labelled {@code label} in {@code row} (right of
     * the label's merged cells when it spans several); false when the row has no such label.
     */
    static boolean rightOf(Row row, String label, Object value) {
        for (Cell cell : row) {
            if (text(cell).equals(label)) {
                int last = cell.getColumnIndex();
                for (CellRangeAddress merged : row.getSheet().getMergedRegions()) {
                    if (merged.isInRange(cell)) {
                        last = merged.getLastColumn();
                    }
                }
                set(row, last + 1, value);
                return true;
            }
        }
        return false;
    }

    /** Makes a row tall enough for the wrapped text of its cells, as 自动调整行高 does after typing. */
    static void fitHeight(Row row) {
        Sheet sheet = row.getSheet();
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            widths.add(sheet.getColumnWidth(c) / 256);
        }
        SampleWorkbooks.fitHeight(row, widths);
    }

    /** Sets a cell's value keeping its style; null or "" blanks it. */
    static void set(Row row, int column, Object value) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        if (value == null || value instanceof String text && text.isEmpty()) {
            cell.setBlank();
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(SafeText.neutralise(value.toString()));
        }
    }

    /** A text cell's text, stripped; "" for any other cell. */
    static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().strip();
    }
}
