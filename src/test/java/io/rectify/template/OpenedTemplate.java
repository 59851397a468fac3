package io.rectify.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A generated template (or review workbook) opened with POI, with the look-ups the template tests share. */
public final class OpenedTemplate implements AutoCloseable {

    private final XSSFWorkbook workbook;
    private final DataFormatter formatter = new DataFormatter();

    private OpenedTemplate(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    public static OpenedTemplate open(Path file) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return new OpenedTemplate(new XSSFWorkbook(in));
        }
    }

    public XSSFWorkbook workbook() {
        return workbook;
    }

    public XSSFSheet sheet(String name) {
        XSSFSheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new AssertionError("no sheet " + name);
        }
        return sheet;
    }

    Cell cell(String sheet, int row, int column) {
        Row r = sheet(sheet).getRow(row);
        return r == null ? null : r.getCell(column);
    }

    String text(String sheet, int row, int column) {
        Cell cell = cell(sheet, row, column);
        return cell == null ? "" : formatter.formatCellValue(cell);
    }

    /** Column {@code column}'s text in every row from {@code firstRow} to the sheet's last row. */
    List<String> column(String sheet, int firstRow, int column) {
        List<String> values = new ArrayList<>();
        for (int r = firstRow; r <= sheet(sheet).getLastRowNum(); r++) {
            values.add(text(sheet, r, column));
        }
        return values;
    }

    /** Every text of every cell of every sheet, hidden ones included. */
    List<String> allTexts() {
        List<String> texts = new ArrayList<>();
        workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell)))));
        return texts;
    }

    /** Every formula of every sheet, as {@code <sheet>!<cell>: <formula>}. */
    List<String> formulas() {
        List<String> formulas = new ArrayList<>();
        for (var sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.add(sheet.getSheetName() + "!" + cell.getAddress() + ": " + cell.getCellFormula());
                    }
                }
            }
        }
        return formulas;
    }

    /** The validation whose ranges cover exactly rows {@code firstRow..lastRow} of {@code column}. */
    Optional<DataValidation> validation(String sheet, int firstRow, int lastRow, int column) {
        for (DataValidation validation : sheet(sheet).getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.getFirstColumn() == column && range.getLastColumn() == column
                        && range.getFirstRow() == firstRow && range.getLastRow() == lastRow) {
                    return Optional.of(validation);
                }
            }
        }
        return Optional.empty();
    }

    /** The validations that cover one cell. */
    List<DataValidation> validationsAt(String sheet, int row, int column) {
        List<DataValidation> found = new ArrayList<>();
        for (DataValidation validation : sheet(sheet).getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(row, column)) {
                    found.add(validation);
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
