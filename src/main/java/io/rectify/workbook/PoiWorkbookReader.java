package io.rectify.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads a whole .xlsx or .xls workbook into memory with POI's user model. Meant for small
 * workbooks such as the ledger; large returns go through a streaming reader.
 */
public final class PoiWorkbookReader implements WorkbookReader {

    /** Days between the 1900 and the 1904 date systems: dates are given as 1900-system serials. */
    private static final int DAYS_1900_TO_1904 = 1462;

    private final Workbook workbook;
    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter();

    private PoiWorkbookReader(Workbook workbook) {
        this.workbook = workbook;
        this.date1904 = workbook instanceof Date1904Support xssf ? xssf.isDate1904()
                : workbook instanceof HSSFWorkbook hssf && hssf.getInternalWorkbook().isUsing1904DateWindowing();
    }

    public static PoiWorkbookReader open(Path file) throws IOException {
        // read-only: POI never writes back to the input file
        return new PoiWorkbookReader(WorkbookFactory.create(file.toFile(), null, true));
    }

    @Override
    public List<SheetInfo> sheets() {
        List<SheetInfo> sheets = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(new SheetInfo(workbook.getSheetName(i), workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)));
        }
        return sheets;
    }

    @Override
    public void rows(String sheetName, Predicate<SheetRow> handler) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        for (Row row : sheet) {
            List<Cell> cells = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                Cell value = value(cell);
                if (value != null) {
                    cells.add(value);
                }
            }
            SheetRow sheetRow = new SheetRow(row.getRowNum() + 1, cells);
            if (!sheetRow.blank() && !handler.test(sheetRow)) {
                return;
            }
        }
    }

    @Override
    public List<CellRangeAddress> mergedRegions(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        return sheet.getMergedRegions();
    }

    private Cell value(org.apache.poi.ss.usermodel.Cell cell) {
        int column = cell.getColumnIndex();
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> Cell.text(column, cell.getStringCellValue());
            case NUMERIC -> {
                double number = cell.getNumericCellValue();
                boolean date = DateUtil.isCellDateFormatted(cell);
                yield new Cell(column, date ? Cell.Kind.DATE : Cell.Kind.NUMBER, numberText(cell, number),
                        date && date1904 ? number + DAYS_1900_TO_1904 : number);
            }
            case BOOLEAN -> new Cell(column, Cell.Kind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE", 0);
            case ERROR -> new Cell(column, Cell.Kind.ERROR, FormulaError.forInt(cell.getErrorCellValue()).getString(), 0);
            default -> null;
        };
    }

    private String numberText(org.apache.poi.ss.usermodel.Cell cell, double number) {
        if (cell.getCellType() == CellType.FORMULA) {
            return formatter.formatRawCellContents(number, cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString(), date1904);
        }
        return formatter.formatCellValue(cell);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
