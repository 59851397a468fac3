package io.rectify;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How big a sheet's text comes out when printed, the way Excel and WPS scale it: the smallest font
 * of the printed cells times the print scale (a fixed zoom, or the zoom that fits the print area
 * to the pages asked for on A4).
 */
public final class PrintedSize {

    private static final double A4_WIDTH_POINTS = 595.3;
    private static final double A4_HEIGHT_POINTS = 841.9;

    private PrintedSize() {
    }

    /** The smallest printed font size of the sheet's non-blank cells, in points at its print scale. */
    public static double smallestFontPoints(Sheet sheet) {
        CellRangeAddress area = printArea(sheet);
        double smallest = Double.MAX_VALUE;
        for (int r = area.getFirstRow(); r <= area.getLastRow(); r++) {
            Row row = sheet.getRow(r);
            for (int c = area.getFirstColumn(); row != null && c <= area.getLastColumn(); c++) {
                Cell cell = row.getCell(c);
                if (cell != null && cell.getCellType() != CellType.BLANK) {
                    short font = sheet.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints();
                    smallest = Math.min(smallest, font);
                }
            }
        }
        return smallest == Double.MAX_VALUE ? 0 : smallest * scale(sheet, area);
    }

    /** The print scale as a fraction: 1 prints at 100 %. */
    public static double scale(Sheet sheet) {
        return scale(sheet, printArea(sheet));
    }

    private static double scale(Sheet sheet, CellRangeAddress area) {
        PrintSetup setup = sheet.getPrintSetup();
        if (!sheet.getFitToPage()) {
            return setup.getScale() / 100.0;
        }
        boolean landscape = setup.getLandscape();
        double pageWidth = (landscape ? A4_HEIGHT_POINTS : A4_WIDTH_POINTS)
                - 72 * (sheet.getMargin(Sheet.LeftMargin) + sheet.getMargin(Sheet.RightMargin));
        double pageHeight = (landscape ? A4_WIDTH_POINTS : A4_HEIGHT_POINTS)
                - 72 * (sheet.getMargin(Sheet.TopMargin) + sheet.getMargin(Sheet.BottomMargin));
        double scale = 1;
        if (setup.getFitWidth() > 0) {
            double width = 0;
            for (int c = area.getFirstColumn(); c <= area.getLastColumn(); c++) {
                width += sheet.isColumnHidden(c) ? 0 : sheet.getColumnWidthInPixels(c) * 0.75;
            }
            scale = Math.min(scale, setup.getFitWidth() * pageWidth / width);
        }
        if (setup.getFitHeight() > 0) {
            double height = 0;
            for (int r = area.getFirstRow(); r <= area.getLastRow(); r++) {
                Row row = sheet.getRow(r);
                height += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
            }
            scale = Math.min(scale, setup.getFitHeight() * pageHeight / height);
        }
        return scale;
    }

    /** The sheet's print area, or the cells it uses when it has none. */
    public static CellRangeAddress printArea(Sheet sheet) {
        Workbook workbook = sheet.getWorkbook();
        String area = workbook.getPrintArea(workbook.getSheetIndex(sheet));
        if (area != null) {
            AreaReference ref = new AreaReference(area, workbook.getSpreadsheetVersion());
            return new CellRangeAddress(ref.getFirstCell().getRow(), ref.getLastCell().getRow(),
                    ref.getFirstCell().getCol(), ref.getLastCell().getCol());
        }
        int lastColumn = 0;
        for (Row row : sheet) {
            lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
        }
        return new CellRangeAddress(Math.max(0, sheet.getFirstRowNum()), Math.max(0, sheet.getLastRowNum()), 0,
                Math.max(0, lastColumn));
    }
}
