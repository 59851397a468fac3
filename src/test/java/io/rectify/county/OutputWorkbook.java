package io.rectify.county;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An output workbook (a receipt, 异常清单.xlsx) read back with POI, every cell as Excel shows it. */
final class OutputWorkbook {

    private final Path file;
    private final List<String> sheets = new ArrayList<>();
    private final List<List<List<String>>> rows = new ArrayList<>();

    private OutputWorkbook(Path file) {
        this.file = file;
    }

    static OutputWorkbook read(Path file) {
        OutputWorkbook read = new OutputWorkbook(file);
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                List<List<String>> lines = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                    }
                    lines.add(cells);
                }
                read.sheets.add(sheet.getSheetName());
                read.rows.add(lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** A sheet's rows, each as its cells' texts. */
    List<List<String>> sheet(String name) {
        int index = sheets.indexOf(name);
        if (index < 0) {
            throw new AssertionError(file.getFileName() + " has no sheet " + name + " but " + sheets);
        }
        return rows.get(index);
    }

    /** A sheet's text, one line per row, cells separated by tabs. */
    String text(String sheet) {
        StringBuilder text = new StringBuilder();
        sheet(sheet).forEach(row -> text.append(String.join("\t", row)).append('\n'));
        return text.toString();
    }

    /**
     * The row of a table sheet (header in its first row holding {@code key}) whose {@code key}
     * column is {@code value}, as the cell of {@code column}.
     */
    Optional<String> cell(String sheet, String key, String value, String column) {
        int c = header(sheet, key).indexOf(column);
        if (c < 0) {
            throw new AssertionError(file.getFileName() + " sheet " + sheet + " has no column " + column);
        }
        return row(sheet, key, value).map(r -> r.size() > c ? r.get(c) : "");
    }

    /** The row of a table sheet whose {@code key} column is {@code value}. */
    Optional<List<String>> row(String sheet, String key, String value) {
        List<List<String>> lines = sheet(sheet);
        List<String> header = header(sheet, key);
        int k = header.indexOf(key);
        return lines.subList(lines.indexOf(header) + 1, lines.size()).stream()
                .filter(r -> r.size() > k && r.get(k).equals(value)).findFirst();
    }

    private List<String> header(String sheet, String key) {
        return sheet(sheet).stream().filter(r -> r.contains(key)).findFirst()
                .orElseThrow(() -> new AssertionError(file.getFileName() + " sheet " + sheet + " has no header " + key));
    }
}
