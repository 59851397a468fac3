package io.rectify.sample;

import static io.rectify.sample.FilledCells.set;
import static io.rectify.sample.FilledCells.text;

import io.rectify.intake.ReturnLayout;
import io.rectify.workbook.SafeText;
import io.rectify.template.TemplateWriter;
import io.rectify.template.UnitTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A return as most units send it: the template {@link TemplateWriter} made for the unit and
 * period, filled in. Cells are found as a person finds them, by the labels and headers the
 * template shows, never by fixed positions: status, completion date as a real date cell, 进展情况,
 * 佐证材料, 报送日期 and 填报人 on 整改进展, the lists written over the prefilled rows and on down, and
 * so are the unit's requests on 延期申请.
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

    /** Writes the filled template to {@code file}; returns where its task rows and requests are. */
    SampleReturn.Rows write(Path file) throws IOException {
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        TemplateWriter.write(template, blank);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(blank.toByteArray()))) {
            Map<String, Integer> taskRows = progress(workbook.getSheet(ReturnLayout.PROGRESS_SHEET));
            list(workbook.getSheet(ReturnLayout.INSTITUTION_SHEET), List.of(ReturnLayout.INSTITUTION_NAME,
                            ReturnLayout.DOC_NO, ReturnLayout.KIND, ReturnLayout.ISSUED_ON, ReturnLayout.TASK_REF),
                    content.institutions().stream().map(line -> List.<Object>of(line.name(), line.docNo(), line.kind(),
                            line.issuedOn(), line.taskRef())).toList());
            list(workbook.getSheet(ReturnLayout.ACCOUNTABILITY_SHEET), List.of(ReturnLayout.KIND, ReturnLayout.PERSONS,
                            ReturnLayout.PROBLEM_REF, ReturnLayout.NOTE),
                    content.accountability().stream().map(line -> List.<Object>of(line.kind(), line.persons(),
                            line.problemRef(), line.note())).toList());
            Map<String, Integer> requestRows = new HashMap<>();
            if (!content.extensions().isEmpty()) {
                int first = list(workbook.getSheet(ReturnLayout.EXTENSION_SHEET), List.of(ReturnLayout.TASK_CODE,
                                ReturnLayout.REQUESTED, ReturnLayout.REASON),
                        content.extensions().stream().map(r -> List.<Object>of(r.task(), r.requested(), r.reason())).toList());
                for (int i = 0; i < content.extensions().size(); i++) {
                    requestRows.put(content.extensions().get(i).task(), first + i);
                }
                // the sheet looks up each task's measure and deadline: show them as Excel would on opening
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            SampleWorkbooks.stamp(workbook, template.period().atEndOfMonth().minusDays(7), content.submittedOn(),
                    content.reporter());
            SampleWorkbooks.write(workbook, file);
            return new SampleReturn.Rows(taskRows, requestRows);
        }
    }

    /** Fills 整改进展; returns the Excel row of each task by its code. */
    private Map<String, Integer> progress(XSSFSheet sheet) {
        Map<String, Integer> taskRows = new HashMap<>();
        Map<String, Integer> columns = Map.of();
        int headerRow = -1;
        for (Row row : sheet) {
            if (headerRow < 0) {
                metadata(row);
                Map<String, Integer> headers = FilledCells.headers(row);
                if (headers.containsKey(ReturnLayout.TASK_CODE) && headers.containsKey(ReturnLayout.STATUS)) {
                    columns = headers;
                    headerRow = row.getRowNum();
                }
                continue;
            }
            String code = text(row.getCell(columns.get(ReturnLayout.TASK_CODE)));
            SampleReturn.Line line = content.line(code).orElseThrow(() -> new IllegalStateException(
                    "no sample row for task " + code + " of " + content.unit().name()));
            taskRows.put(code, row.getRowNum() + 1);
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
        return taskRows;
    }

    /** The unit's entries in the metadata block: 报送日期 and 填报人, right of their labels. */
    private void metadata(Row row) {
        FilledCells.rightOf(row, ReturnLayout.SUBMITTED_ON, content.submittedOn());
        FilledCells.rightOf(row, ReturnLayout.REPORTER, content.reporter());
    }

    /**
     * Writes list rows, their values in the order of {@code columns}, from the row under the header
     * holding them; returns the Excel row of the first.
     */
    private static int list(Sheet sheet, List<String> columns, List<List<Object>> rows) {
        FilledCells.Header header = FilledCells.header(sheet, columns);
        int first = header.row() + 1;
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.getRow(first + i) == null ? sheet.createRow(first + i) : sheet.getRow(first + i);
            for (int c = 0; c < columns.size(); c++) {
                set(row, header.column(columns.get(c)), rows.get(i).get(c));
            }
        }
        return first + 1;
    }
}
