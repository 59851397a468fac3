package io.rectify.report;

import io.rectify.workbook.TableSheet;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report table on a {@link TableSheet}: typed columns (percentages shown as such), filters over
 * the data rows and bold total rows below them.
 */
final class Table {

    enum Kind { TEXT, NUMBER, PERCENT, DATE }

    /** @param width in characters, a CJK character counting as two */
    record Column(String header, int width, Kind kind) {

        static Column text(String header, int width) {
            return new Column(header, width, Kind.TEXT);
        }

        static Column number(String header, int width) {
            return new Column(header, width, Kind.NUMBER);
        }

        static Column percent(String header, int width) {
            return new Column(header, width, Kind.PERCENT);
        }

        static Column date(String header, int width) {
            return new Column(header, width, Kind.DATE);
        }
    }

    private final TableSheet table;
    private final Styles styles;
    private final List<Column> columns;

    Table(SXSSFWorkbook workbook, Styles styles, Sheet sheet, int headerRow, List<Column> columns) {
        this.table = new TableSheet(workbook, sheet, headerRow, columns.stream().map(Column::header).toList(),
                columns.stream().map(Column::width).toList());
        this.styles = styles;
        this.columns = List.copyOf(columns);
    }

    Sheet sheet() {
        return table.sheet();
    }

    /** Appends a data row; values may be String, Number, LocalDate or null. */
    Row row(Object... values) {
        Row row = table.append(values);
        for (int i = 0; i < values.length; i++) {
            if (columns.get(i).kind() == Kind.PERCENT && values[i] instanceof Number) {
                row.getCell(i).setCellStyle(styles.percent());
            }
        }
        return row;
    }

    /** Turns the filter buttons on over the header and the data rows so far (call before {@link #total}). */
    void filter() {
        table.filter();
    }

    /**
     * Appends a heading row inside the table, over the rows of one group below it: the text in one
     * cell merged across every column, as tall as its wrapped text.
     */
    Row heading(String text, CellStyle style) {
        Row row = table.append(text);
        row.forEach(cell -> cell.setCellStyle(style));
        int width = columns.stream().mapToInt(Column::width).sum();
        row.setHeightInPoints(TableSheet.lines(text, width) * 15f + 5);
        // unchecked: POI's check parses every merged region of the sheet again, quadratic in a ledger's
        // thousands of headings; a heading is a new row of its own, overlapping nothing
        sheet().addMergedRegionUnsafe(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns.size() - 1));
        return row;
    }

    /** Appends a bold total row. */
    Row total(Object... values) {
        Row row = table.append(values);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.getCell(i);
            CellStyle bold = cell.getCellType() != CellType.NUMERIC ? styles.boldText()
                    : columns.get(i).kind() == Kind.PERCENT ? styles.boldPercent() : styles.boldNumber();
            cell.setCellStyle(bold);
        }
        return row;
    }
}
