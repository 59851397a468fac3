package io.rectify.sample;

import io.rectify.intake.ReviewLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A review workbook as the supervisors or the office send it back: the workbook the nightly job
 * wrote (the bytes of its writer, io.rectify.review), filled in as a person fills it. The fields of
 * the metadata block are typed right of their labels on the first sheet; a decision is typed into
 * the row of its task, found by 任务编号 under the table's header, its cells by header. Nothing else
 * is touched, so every cell keeps the writer's style and protection.
 */
final class FilledReview {

    /** A decision row: the cells of a task's row to type, by header. */
    private record Decision(String sheet, String task, Map<String, Object> cells) {
    }

    private final byte[] written;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Decision> decisions = new ArrayList<>();

    FilledReview(byte[] written) {
        this.written = written.clone();
    }

    /** Types {@code value} into the metadata field labelled {@code label} (审核人, 审核日期, ...). */
    FilledReview field(String label, Object value) {
        fields.put(label, value);
        return this;
    }

    /**
     * Types into the row of {@code task} on {@code sheet} the cells given as header, value, header,
     * value... (a null value leaves the cell blank).
     */
    FilledReview decide(String sheet, String task, Object... headersAndValues) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < headersAndValues.length; i += 2) {
            cells.put((String) headersAndValues[i], headersAndValues[i + 1]);
        }
        decisions.add(new Decision(sheet, task, cells));
        return this;
    }

    /**
     * Writes the filled workbook to {@code file}, recording that {@code by} saved it on {@code savedOn}
     * and the nightly job made it on {@code madeOn}.
     */
    void write(Path file, LocalDate madeOn, LocalDate savedOn, String by) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            Sheet first = workbook.getSheetAt(0);
            fields.forEach((label, value) -> field(first, label, value));
            for (Decision decision : decisions) {
                decide(workbook.getSheet(decision.sheet()), decision);
            }
            SampleWorkbooks.stamp(workbook, madeOn, savedOn, by);
            SampleWorkbooks.write(workbook, file);
        }
    }

    private static void field(Sheet sheet, String label, Object value) {
        for (Row row : sheet) {
            if (FilledCells.rightOf(row, label, value)) {
                return;
            }
        }
        throw new IllegalStateException("no field " + label + " on sheet " + sheet.getSheetName());
    }

    private static void decide(Sheet sheet, Decision decision) {
        List<String> columns = new ArrayList<>(List.of(ReviewLayout.TASK_CODE));
        columns.addAll(decision.cells().keySet());
        FilledCells.Header header = FilledCells.header(sheet, columns);
        for (Row row : sheet) {
            if (row.getRowNum() > header.row()
                    && FilledCells.text(row.getCell(header.column(ReviewLayout.TASK_CODE))).equals(decision.task())) {
                decision.cells().forEach((name, value) -> FilledCells.set(row, header.column(name), value));
                FilledCells.fitHeight(row);
                return;
            }
        }
        throw new IllegalStateException("sheet " + sheet.getSheetName() + " lists no task " + decision.task());
    }
}
