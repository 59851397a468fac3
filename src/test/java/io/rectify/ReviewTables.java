package io.rectify;

import io.rectify.intake.ReviewLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The tables of review workbooks (销号审核表, 延期审批表) as a person finds them: under the first row
 * holding 任务编号 and the other headers asked for, each row by header, as Excel shows its cells.
 */
public final class ReviewTables {

    private static final DataFormatter FORMAT = new DataFormatter();

    /** A table's header row: its index and its columns by header text. */
    public record Header(int row, Map<String, Integer> columns) {

        public int column(String name) {
            Integer column = columns.get(name);
            if (column == null) {
                throw new AssertionError("no column " + name + " in " + columns.keySet());
            }
            return column;
        }

        /** The rows under the header whose 任务编号 is not blank. */
        public List<Row> rows(Sheet sheet) {
            List<Row> rows = new ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() > row && !text(r.getCell(column(ReviewLayout.TASK_CODE))).isEmpty()) {
                    rows.add(r);
                }
            }
            return rows;
        }
    }

    private ReviewTables() {
    }

    /** The first row of {@code sheet} holding 任务编号 and all of {@code names}. */
    public static Header header(Sheet sheet, String... names) {
        List<String> wanted = new ArrayList<>(List.of(names));
        wanted.add(ReviewLayout.TASK_CODE);
        for (Row row : sheet) {
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : row) {
                String text = text(cell);
                if (!text.isEmpty()) {
                    columns.putIfAbsent(text, cell.getColumnIndex());
                }
            }
            if (columns.keySet().containsAll(wanted)) {
                return new Header(row.getRowNum(), columns);
            }
        }
        throw new AssertionError("sheet " + sheet.getSheetName() + " has no header " + wanted);
    }

    /** The rows of a workbook's table on {@code sheet}, each by header. */
    public static List<Map<String, String>> rows(Path workbook, String sheet) {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
            Sheet table = read.getSheet(sheet);
            if (table == null) {
                throw new AssertionError(workbook.getFileName() + " has no sheet " + sheet);
            }
            Header header = header(table);
            List<Map<String, String>> rows = new ArrayList<>();
            for (Row row : header.rows(table)) {
                Map<String, String> cells = new HashMap<>();
                header.columns().forEach((name, c) -> cells.put(name, text(row.getCell(c))));
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 销号审核表 of a period's output folder ({@code output/<period>/}), by file name. */
    public static List<Path> signOffWorkbooks(Path periodFolder) {
        try (Stream<Path> files = Files.list(periodFolder.resolve(ReviewLayout.SIGN_OFF_FOLDER))) {
            return files.filter(f -> f.getFileName().toString().endsWith(ReviewLayout.SIGN_OFF_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell's text as Excel shows it, stripped. */
    public static String text(Cell cell) {
        return cell == null ? "" : FORMAT.formatCellValue(cell).strip();
    }
}
