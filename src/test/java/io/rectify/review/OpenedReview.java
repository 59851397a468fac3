package io.rectify.review;

import io.rectify.intake.TemplateMarker;
import io.rectify.template.OpenedTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A written review workbook opened again with POI, with the look-ups its tests share. */
final class OpenedReview implements AutoCloseable {

    private static final DataFormatter FORMAT = new DataFormatter();

    private final OpenedTemplate opened;

    private OpenedReview(OpenedTemplate opened) {
        this.opened = opened;
    }

    static OpenedReview open(Path file) throws IOException {
        return new OpenedReview(OpenedTemplate.open(file));
    }

    XSSFWorkbook workbook() {
        return opened.workbook();
    }

    XSSFSheet sheet(String name) {
        return opened.sheet(name);
    }

    /** Writes twice with {@code write} and gives both files' bytes. */
    static List<byte[]> writtenTwice(Path folder, Writer write) throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        for (String name : List.of("first.xlsx", "second.xlsx")) {
            write.to(folder.resolve(name));
            bytes.add(Files.readAllBytes(folder.resolve(name)));
        }
        return bytes;
    }

    interface Writer {
        void to(Path file) throws IOException;
    }

    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        workbook().forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static String text(XSSFSheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : FORMAT.formatCellValue(cell);
    }

    /** A row's texts over {@code columns} cells. */
    static List<String> row(XSSFSheet sheet, int row, int columns) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            texts.add(text(sheet, row, c));
        }
        return texts;
    }

    /** Column {@code column}'s texts from {@code firstRow} to the sheet's last row. */
    static List<String> column(XSSFSheet sheet, int firstRow, int column) {
        List<String> texts = new ArrayList<>();
        for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
            texts.add(text(sheet, r, column));
        }
        return texts;
    }

    /** The text of the cell right of the one reading {@code label} (the metadata block). */
    static String beside(XSSFSheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (label.equals(FORMAT.formatCellValue(cell))) {
                    int next = cell.getColumnIndex() + 1;
                    for (CellRangeAddress merged : sheet.getMergedRegions()) {
                        if (merged.isInRange(cell)) {
                            next = merged.getLastColumn() + 1;
                        }
                    }
                    return text(sheet, row.getRowNum(), next);
                }
            }
        }
        throw new AssertionError("no label " + label);
    }

    /** The cells of the sheet left unlocked, as A1 references. */
    static Set<String> unlocked(XSSFSheet sheet) {
        Set<String> cells = new TreeSet<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (!cell.getCellStyle().getLocked()) {
                    cells.add(new CellReference(cell).formatAsString(false));
                }
            }
        }
        return cells;
    }

    /** Each validation's ranges (A1 references) with its list values or its formula. */
    static Map<String, String> validations(XSSFSheet sheet) {
        Map<String, String> found = new LinkedHashMap<>();
        for (DataValidation v : sheet.getDataValidations()) {
            String rule = v.getValidationConstraint().getExplicitListValues() != null
                    ? String.join("/", v.getValidationConstraint().getExplicitListValues())
                    : v.getValidationConstraint().getOperator() + " " + v.getValidationConstraint().getFormula1();
            for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
                found.put(range.formatAsString(), rule);
            }
        }
        return found;
    }

    Map<String, String> marker() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Row row : sheet(TemplateMarker.SHEET)) {
            values.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        opened.close();
    }
}
