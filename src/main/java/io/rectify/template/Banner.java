package io.rectify.template;

import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A text spanning the width of a table above it (a title or an instruction): one merged, wrapped
 * cell whose row is made high enough for the text, since no spreadsheet program fits the height
 * of merged cells by itself.
 */
public final class Banner {

    private Banner() {
    }

    public static void write(Sheet sheet, int rowIndex, int columns, String text, CellStyle style, float lineHeightPoints) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < columns; i++) {
            row.createCell(i).setCellStyle(style);
        }
        row.getCell(0).setCellValue(SafeText.neutralise(text));
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, columns - 1));
        }
        int width = 0;
        for (int i = 0; i < columns; i++) {
            width += sheet.getColumnWidth(i) / 256;
        }
        row.setHeightInPoints(TableSheet.lines(text, width) * lineHeightPoints + 6);
    }

    /**
     * A value over columns {@code first..last} of a row (merged when more than one), every cell styled so that
     * borders and locking reach them all: a field of a metadata block.
     */
    public static void span(Sheet sheet, Row row, int first, int last, String value, CellStyle style) {
        for (int column = first; column <= last; column++) {
            row.createCell(column).setCellStyle(style);
        }
        if (value != null && !value.isBlank()) {
            row.getCell(first).setCellValue(SafeText.neutralise(value));
        }
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), first, last));
        }
    }

    public static CellStyle titleStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 16);
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        return style;
    }

    public static CellStyle instructionStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setColor(IndexedColors.DARK_RED.getIndex());
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }
}
