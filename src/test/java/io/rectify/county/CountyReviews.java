package io.rectify.county;

import io.rectify.intake.ReviewLayout;
import io.rectify.rule.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * The county's supervision groups deciding on the 销号审核表 Rectify wrote for them, by a script that
 * finds the cells as a person does (the labels of the metadata block, the headers of the table):
 * taking the rows of all the groups' workbooks in the order of their file names, every other task is
 * 同意销号, the first {@value #RETURNED} of the others 退回 with an opinion, the rest left blank. Each
 * filled workbook is saved under another name in a folder of its group, as offices file them.
 */
final class CountyReviews {

    static final int RETURNED = 3;
    static final String REVIEWER = "县委督导组 周敏";
    static final String OPINION = "佐证材料仅有文件编号，未见整改完成的实质性材料，请补充后重新报送。";

    /** A task a group decided on: its 审核结论, blank when left undecided. */
    record Decision(String group, String task, String verdict) {
    }

    private CountyReviews() {
    }

    /**
     * Fills every {@code *-销号审核表.xlsx} of {@code written} (output/P/销号审核) into {@code reviews}
     * (input/reviews/P) and returns each row's decision.
     */
    static List<Decision> fill(Path written, Path reviews, LocalDate reviewedOn) {
        List<Decision> decisions = new ArrayList<>();
        for (Path file : workbooks(written)) {
            String group = file.getFileName().toString().replace(ReviewLayout.SIGN_OFF_SUFFIX, "");
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet(ReviewLayout.SIGN_OFF_SHEET);
                rightOf(sheet, ReviewLayout.REVIEWER, REVIEWER);
                rightOf(sheet, ReviewLayout.REVIEWED_ON, reviewedOn);
                Header header = header(sheet, ReviewLayout.TASK_CODE, ReviewLayout.DECISION);
                for (Row row : header.rows(sheet, ReviewLayout.TASK_CODE)) {
                    String task = text(row.getCell(header.column(ReviewLayout.TASK_CODE)));
                    String verdict = verdict(decisions);
                    set(row, header.column(ReviewLayout.DECISION), verdict);
                    if (verdict.equals(Verdict.RETURN.word())) {
                        set(row, header.column(ReviewLayout.OPINION), OPINION);
                    }
                    decisions.add(new Decision(group, task, verdict));
                }
                Path target = reviews.resolve(group).resolve(group + "审核意见（" + reviewedOn + "）.xlsx");
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    workbook.write(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return decisions;
    }

    private static String verdict(List<Decision> before) {
        if (before.size() % 2 == 0) {
            return Verdict.SIGN_OFF.word();
        }
        long returned = before.stream().filter(d -> d.verdict().equals(Verdict.RETURN.word())).count();
        return returned < RETURNED ? Verdict.RETURN.word() : "";
    }

    /** The 销号审核表 of a period's output folder, by file name. */
    static List<Path> workbooks(Path written) {
        try (Stream<Path> files = Files.list(written)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ReviewLayout.SIGN_OFF_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a written review sheet under its header (the first row holding {@code key}), each as
     * its cells by header, rows whose {@code key} is blank left out.
     */
    static List<Map<String, String>> table(Path workbook, String sheetName, String key) {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
            Sheet sheet = read.getSheet(sheetName);
            if (sheet == null) {
                throw new AssertionError(workbook.getFileName() + " has no sheet " + sheetName);
            }
            Header header = header(sheet, key);
            List<Map<String, String>> rows = new ArrayList<>();
            for (Row row : header.rows(sheet, key)) {
                Map<String, String> cells = new HashMap<>();
                header.columns().forEach((name, c) -> cells.put(name, text(row.getCell(c))));
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table's header row: its index and its columns by header text. */
    private record Header(int row, Map<String, Integer> columns) {

        int column(String name) {
            Integer column = columns.get(name);
            if (column == null) {
                throw new AssertionError("no column " + name + " in " + columns.keySet());
            }
            return column;
        }

        /** The rows under the header whose {@code key} cell is not blank. */
        List<Row> rows(Sheet sheet, String key) {
            List<Row> rows = new ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() > row && !text(r.getCell(column(key))).isEmpty()) {
                    rows.add(r);
                }
            }
            return rows;
        }
    }

    /** The first row holding all of {@code names}. */
    private static Header header(Sheet sheet, String... names) {
        for (Row row : sheet) {
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : row) {
                String text = text(cell);
                if (!text.isEmpty()) {
                    columns.putIfAbsent(text, cell.getColumnIndex());
                }
            }
            if (columns.keySet().containsAll(List.of(names))) {
                return new Header(row.getRowNum(), columns);
            }
        }
        throw new AssertionError("sheet " + sheet.getSheetName() + " has no header " + List.of(names));
    }

    private static void rightOf(Sheet sheet, String label, Object value) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (text(cell).equals(label)) {
                    set(row, cell.getColumnIndex() + 1, value);
                    return;
                }
            }
        }
        throw new AssertionError("sheet " + sheet.getSheetName() + " has no label " + label);
    }

    private static void set(Row row, int column, Object value) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value.toString().isEmpty()) {
            cell.setBlank();
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }
}
