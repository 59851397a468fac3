package io.rectify.county;

import io.rectify.ReviewTables;
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
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
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
     * Fills every {@code 销号审核/*-销号审核表.xlsx} of {@code written} (a copy of output/P) into
     * {@code reviews} (input/reviews/P) and returns each row's decision.
     */
    static List<Decision> fill(Path written, Path reviews, LocalDate reviewedOn) {
        List<Decision> decisions = new ArrayList<>();
        for (Path file : ReviewTables.signOffWorkbooks(written)) {
            String group = file.getFileName().toString().replace(ReviewLayout.SIGN_OFF_SUFFIX, "");
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet(ReviewLayout.SIGN_OFF_SHEET);
                rightOf(sheet, ReviewLayout.REVIEWER, REVIEWER);
                rightOf(sheet, ReviewLayout.REVIEWED_ON, reviewedOn);
                ReviewTables.Header header = ReviewTables.header(sheet, ReviewLayout.DECISION, ReviewLayout.OPINION);
                for (Row row : header.rows(sheet)) {
                    String task = ReviewTables.text(row.getCell(header.column(ReviewLayout.TASK_CODE)));
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

    /** Types into the field right of a label, past the label's merged cells. */
    private static void rightOf(Sheet sheet, String label, Object value) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (ReviewTables.text(cell).equals(label)) {
                    int last = sheet.getMergedRegions().stream().filter(m -> m.isInRange(cell))
                            .mapToInt(CellRangeAddress::getLastColumn).findFirst().orElse(cell.getColumnIndex());
                    set(row, last + 1, value);
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
}
