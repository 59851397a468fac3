package io.rectify.sample;

import io.rectify.intake.ReturnLayout;
import io.rectify.template.TemplateWriter;
import io.rectify.template.UnitTemplate;
import io.rectify.workbook.SafeText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A return as most units send it: the template {@link TemplateWriter} made for the unit and
 * period, filled in. Cells are found as a person finds them, by the labels and headers the
 * template shows, never by fixed positions: status, completion date as a real date cell, 进展情况,
 * 佐证材料, 报送日期 and 填报人 on 整改进展, the lists written over the prefilled rows and on down.
 * A ledger column the unit edited ({@link SampleReturn.Line#deadline}) is typed over the locked
 * cell after lifting the sheet's protection, which has no password.
 */
final class FilledTemplate {

    private final UnitTemplate template;
    private final SampleReturn content;

    FilledTemplate(UnitTemplate template, SampleReturn content) {
        this.template = template;
        this.content = content;
    }

    void write(Path file) throws IOException {
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        TemplateWriter.write(template, blank);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(blank.toByteArray()))) {
            progress(workbook.getSheet(ReturnLayout.PROGRESS_SHEET));
            list(workbook.getSheet(ReturnLayout.INSTITUTION_SHEET), List.of(ReturnLayout.INSTITUTION_NAME,
                            ReturnLayout.DOC_NO, ReturnLayout.KIND, ReturnLayout.ISSUED_ON, ReturnLayout.TASK_REF),
                    content.institutions().stream().map(line -> List.<Object>of(line.name(), line.docNo(), line.kind(),
                            line.issuedOn(), line.taskRef())).toList());
            list(workbook.getSheet(ReturnLayout.ACCOUNTABILITY_SHEET), List.of(ReturnLayout.KIND, ReturnLayout.PERSONS,
                            ReturnLayout.PROBLEM_REF, ReturnLayout.NOTE),
                    content.accountability().stream().map(line -> List.<Object>of(line.kind(), line.persons(),
                            line.problemRef(), line.note())).toList());
            SampleWorkbooks.stamp(workbook, template.period().atEndOfMonth().minusDays(7), content.submittedOn(),
                    content.reporter());
            SampleWorkbooks.write(workbook, file);
        }
    }

    private void progress(XSSFSheet sheet) {
        Map<String, Integer> columns = Map.of();
        int headerRow = -1;
        for (Row row : sheet) {
            if (headerRow < 0) {
                metadata(row);
                Map<String, Integer> headers = headers(row);
                if (headers.containsKey(ReturnLayout.TASK_CODE) && headers.containsKey(ReturnLayout.STATUS)) {
                    columns = headers;
                    headerRow = row.getRowNum();
                }
                continue;
            }
            String code = text(row.getCell(columns.get(ReturnLayout.TASK_CODE)));
            SampleReturn.Line line = content.line(code).orElseThrow(() -> new IllegalStateException(
                    "no sample row for task " + code + " of " + content.unit().name()));
            set(row, columns.get(ReturnLayout.STATUS), line.status().word());
            set(row, columns.get(ReturnLayout.COMPLETION_DATE), line.completed());
            set(row, columns.get(ReturnLayout.PROGRESS), line.progress());
            set(row, columns.get(ReturnLayout.EVIDENCE), line.evidence());
            Cell deadline = row.getCell(columns.get(ReturnLayout.DEADLINE));
            if (!text(deadline).equals(line.deadline())) {
                sheet.protectSheet(null);
                deadline.setCellValue(SafeText.neutralise(line.deadline()));
            }
        }
        if (headerRow < 0) {
            throw new IllegalStateException("the template has no task table");
        }
        long rows = sheet.getLastRowNum() - headerRow;
        if (rows != content.lines().size()) {
            throw new IllegalStateException(content.unit().name() + ": the template has " + rows
                    + " task rows, the sample return " + content.lines().size());
        }
    }

    /** The unit's entries in the metadata block: 报送日期 and 填报人, right of their labels. */
    private void metadata(Row row) {
        for (Cell cell : row) {
            String label = text(cell);
            if (label.equals(ReturnLayout.SUBMITTED_ON)) {
                set(row, cell.getColumnIndex() + 1, content.submittedOn());
            } else if (label.equals(ReturnLayout.REPORTER)) {
                set(row, cell.getColumnIndex() + 1, content.reporter());
            }
        }
    }

    /** Writes list rows, their values in the order of {@code columns}, from the row under the header holding them. */
    private static void list(Sheet sheet, List<String> columns, List<List<Object>> rows) {
        Map<String, Integer> headers = null;
        int first = -1;
        for (Row row : sheet) {
            Map<String, Integer> found = headers(row);
            if (found.keySet().containsAll(columns)) {
                headers = found;
                first = row.getRowNum() + 1;
                break;
            }
        }
        if (headers == null) {
            throw new IllegalStateException("no header " + columns + " in sheet " + sheet.getSheetName());
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.getRow(first + i) == null ? sheet.createRow(first + i) : sheet.getRow(first + i);
            for (int c = 0; c < columns.size(); c++) {
                set(row, headers.get(columns.get(c)), rows.get(i).get(c));
            }
        }
    }

    private static Map<String, Integer> headers(Row row) {
        Map<String, Integer> headers = new HashMap<>();
        for (Cell cell : row) {
            String text = text(cell);
            if (!text.isEmpty()) {
                headers.putIfAbsent(text, cell.getColumnIndex());
            }
        }
        return headers;
    }

    /** Sets a cell's value keeping the template's style (date format, unlocked input cell). */
    private static void set(Row row, int column, Object value) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        if (value == null || value instanceof String text && text.isEmpty()) {
            cell.setBlank();
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(SafeText.neutralise(value.toString()));
        }
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().strip();
    }
}
