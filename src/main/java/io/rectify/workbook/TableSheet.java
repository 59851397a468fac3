package io.rectify.workbook;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet written as a table for people: a bold shaded header row, column widths in characters,
 * wrapped text, frozen header, A4 landscape. Every text goes through {@link SafeText}; nothing is
 * ever written as a formula.
 */
public final class TableSheet {

    private final Sheet sheet;
    private final int headerRow;
    private final CellStyle textStyle;
    private final CellStyle dateStyle;
    private final CellStyle numberStyle;
    private int nextRow;

    /**
     * @param widths column widths in characters (a CJK character counts as two)
     */
    public TableSheet(Workbook workbook, Sheet sheet, int headerRow, List<String> headers, List<Integer> widths) {
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.textStyle = bodyStyle(workbook);
        this.dateStyle = bodyStyle(workbook);
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        this.numberStyle = bodyStyle(workbook);
        numberStyle.setAlignment(HorizontalAlignment.RIGHT);
        CellStyle headerStyle = headerStyle(workbook);
        Row row = sheet.createRow(headerRow);
        for (int i = 0; i < headers.size(); i++) {
            org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, widths.get(i)) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(headerRow, headerRow, -1, -1));
        this.nextRow = headerRow + 1;
    }

    public Sheet sheet() {
        return sheet;
    }

    public int headerRow() {
        return headerRow;
    }

    /** Appends a row; values may be String, Number, LocalDate or null. Returns the POI row. */
    public Row append(Object... values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            set(row.createCell(i), values[i]);
        }
        return row;
    }

    public int lastRow() {
        return nextRow - 1;
    }

    public CellStyle textStyle() {
        return textStyle;
    }

    private void set(org.apache.poi.ss.usermodel.Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(numberStyle);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
        } else {
            cell.setCellValue(SafeText.neutralise(value == null ? "" : value.toString()));
            cell.setCellStyle(textStyle);
        }
    }

    /** Turns on the filter buttons over the header and the rows written so far. */
    public void filter() {
        int last = Math.max(headerRow, nextRow - 1);
        int columns = sheet.getRow(headerRow).getLastCellNum() - 1;
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(headerRow, last, 0, columns));
    }

    public static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = bodyStyle(workbook);
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setAlignment(HorizontalAlignment.CENTER);
        return style;
    }

    public static CellStyle bodyStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
