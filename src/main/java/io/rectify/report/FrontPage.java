package io.rectify.report;

import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A sheet laid out as a printed page rather than as one table: A4 portrait fitted to the page width,
 * a few columns, and down them titles, wrapped lines, small tables and labelled values, each row as
 * tall as its text.
 */
final class FrontPage {

    private static final float LINE_HEIGHT = 15f;

    private final Sheet sheet;
    private final Styles styles;
    private final int[] widths;
    private final CellStyle body;
    private final CellStyle header;
    private final CellStyle heading;
    private final CellStyle right;
    private int next;

    /** @param widths the columns' widths in characters (a CJK character counting as two) */
    FrontPage(SXSSFWorkbook workbook, Styles styles, Sheet sheet, int... widths) {
        this.sheet = sheet;
        this.styles = styles;
        this.widths = widths.clone();
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        TableSheet.printOnA4(sheet, false);
        body = TableSheet.bodyStyle(workbook);
        header = TableSheet.headerStyle(workbook);
        heading = Styles.bold(workbook, 12, VerticalAlignment.BOTTOM);
        right = TableSheet.copyOf(workbook, styles.note());
        right.setAlignment(HorizontalAlignment.RIGHT);
    }

    void title(String text) {
        Workbooks.title(sheet, styles, next++, widths.length, text);
    }

    /** Wrapped text across the page. */
    void line(String text) {
        Workbooks.note(sheet, styles, next++, widths.length, text);
    }

    /** A section's heading, a little space above it. */
    void heading(String text) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(26);
        merged(row, 0, widths.length, text, heading);
    }

    /** A small table's header row, one text per column. */
    void header(String... texts) {
        cells(sheet.createRow(next++), header, texts);
    }

    /** A small table's header row, printed again at the top of every page the table runs onto. */
    void repeatedHeader(String... texts) {
        int row = next;
        header(texts);
        sheet.setRepeatingRows(new CellRangeAddress(row, row, -1, -1));
    }

    /** A small table's row, one text per column, in {@code style} (with borders, wrapped). */
    void row(CellStyle style, String... texts) {
        cells(sheet.createRow(next++), style, texts);
    }

    /** The header of a table of {@link #labelled} rows: the label's column, and the value's across the others. */
    void labelsHeader(String label, String value) {
        labelled(label, value, header, header);
    }

    /** A bold label in the first column and its value across the others. */
    void labelled(String label, String value) {
        labelled(label, value, styles.boldText(), body);
    }

    private void labelled(String label, String value, CellStyle labelStyle, CellStyle valueStyle) {
        Row row = sheet.createRow(next++);
        Cell cell = row.createCell(0);
        cell.setCellValue(SafeText.neutralise(label));
        cell.setCellStyle(labelStyle);
        int lines = merged(row, 1, widths.length, value, valueStyle);
        row.setHeightInPoints(Math.max(lines, TableSheet.lines(label, widths[0])) * LINE_HEIGHT + 3);
    }

    /** Text set to the right edge, as the issuer and date close a notice. */
    void signature(String text) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(LINE_HEIGHT + 3);
        merged(row, 0, widths.length, text, right);
    }

    /** An empty row. */
    void gap() {
        sheet.createRow(next++).setHeightInPoints(8);
    }

    private void cells(Row row, CellStyle style, String... texts) {
        int lines = 1;
        for (int i = 0; i < texts.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(SafeText.neutralise(texts[i]));
            cell.setCellStyle(style);
            lines = Math.max(lines, TableSheet.lines(texts[i], widths[i]));
        }
        row.setHeightInPoints(lines * LINE_HEIGHT + 3);
    }

    /** Text in columns {@code from} to {@code to} (exclusive) merged; the lines it takes. */
    private int merged(Row row, int from, int to, String text, CellStyle style) {
        int width = 0;
        for (int i = from; i < to; i++) {
            Cell cell = row.createCell(i);
            cell.setCellStyle(style);
            width += widths[i];
        }
        row.getCell(from).setCellValue(SafeText.neutralise(text));
        if (to - from > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to - 1));
        }
        return TableSheet.lines(text, width);
    }
}
