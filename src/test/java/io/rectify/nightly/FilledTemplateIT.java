package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.ReturnLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A unit's month as it is meant to go: the office generates the templates, the unit fills its own
 * in (its white cells only) and uploads it, nightly reads it; next month the template comes back
 * prefilled with what was accepted and the unit only changes what changed.
 */
class FilledTemplateIT {

    /** U01's template from {@link LedgerWorkbookFixture#standard()}: lead T01 and T06, cooperating T03 and T05. */
    private static final String TEMPLATE = "U01-区发展改革委-%s.xlsx";

    @TempDir
    Path root;

    @Test
    void filledTemplateIsAcceptedWithoutFindingsAndItsPrefilledSuccessorKeepsTheStatuses() throws IOException {
        Rectify rectify = Rectify.withStandardLedger(root);

        assertThat(rectify.run("templates", "--period=2024-03").status()).isZero();
        Path march = fill(rectify, "2024-03", LocalDate.of(2024, 4, 3), Map.of(
                "T01", List.of("已完成", LocalDate.of(2024, 3, 10), "闵委办〔2024〕5号"),
                "T06", List.of("推进中", "", ""),
                "T03", List.of("推进中", "", ""),
                "T05", List.of("未启动", "", "")));
        addInstitution(march, "重点区域高质量发展实施意见", "闵委办〔2024〕5号");
        assertThat(rectify.run("nightly", "--period=2024-03").status()).isZero();

        assertThat(rectify.exceptions("2024-03")).filteredOn(line -> line.get(3).equals("U01"))
                .extracting(line -> line.get(0) + " " + line.get(5)).containsExactly("completed-late T01");
        JsonNode u01 = Rectify.unit(rectify.summary("2024-03"), "U01");
        assertThat(u01.get("submitted").asBoolean()).isTrue();
        assertThat(u01.get("tasks").get("completed").asInt()).isOne();
        assertThat(rectify.summary("2024-03").get("institutions").get("created").asInt()).isOne();

        assertThat(rectify.run("templates", "--period=2024-04").status()).isZero();
        Path april = fill(rectify, "2024-04", LocalDate.of(2024, 5, 6), Map.of());
        assertThat(read(april, "T01")).containsExactly("已完成", "2024-03-10", "闵委办〔2024〕5号");
        assertThat(rectify.run("nightly", "--period=2024-04").status()).isZero();

        // sent back unchanged but for 报送日期: nothing for U01 to fix, no missing evidence, no changed date
        assertThat(rectify.exceptions("2024-04")).filteredOn(line -> line.get(3).equals("U01")).isEmpty();
        JsonNode april04 = Rectify.unit(rectify.summary("2024-04"), "U01");
        assertThat(april04.get("submitted").asBoolean()).isTrue();
        assertThat(april04.get("tasks").get("completed").asInt()).isOne();
        assertThat(rectify.summary("2024-04").get("institutions").get("created").asInt()).isOne();
    }

    /**
     * Fills the unit's generated template as a person does in Excel: 报送日期, then per task code its
     * 整改状态, 完成日期 and 佐证材料 (tasks not named keep what was prefilled), and uploads it to the
     * period folder. Returns the uploaded file.
     */
    private static Path fill(Rectify rectify, String period, LocalDate submittedOn, Map<String, List<Object>> progress)
            throws IOException {
        Path template = rectify.output().resolve("templates").resolve(period).resolve(TEMPLATE.formatted(period));
        Path upload = rectify.input().resolve("returns").resolve(period).resolve(template.getFileName());
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            Cell submitted = cellRightOf(sheet, ReturnLayout.SUBMITTED_ON);
            submitted.setCellValue(submittedOn);
            int header = headerRow(sheet);
            List<String> headers = texts(sheet.getRow(header));
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> values = row == null ? null : progress.get(texts(row).get(0));
                if (values == null) {
                    continue;
                }
                set(row.getCell(headers.indexOf(ReturnLayout.STATUS)), values.get(0));
                set(row.getCell(headers.indexOf(ReturnLayout.COMPLETION_DATE)), values.get(1));
                set(row.getCell(headers.indexOf(ReturnLayout.EVIDENCE)), values.get(2));
            }
            Files.createDirectories(upload.getParent());
            try (OutputStream out = Files.newOutputStream(upload)) {
                workbook.write(out);
            }
        }
        // uploaded that day: a file saved this very moment would be left for the next run as still being written
        Files.setLastModifiedTime(upload, FileTime.from(submittedOn.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        return upload;
    }

    /** Adds a row to the template's 制度建设 sheet under its header (the template leaves blank rows for them). */
    private static void addInstitution(Path file, String name, String docNo) throws IOException {
        FileTime uploaded = Files.getLastModifiedTime(file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.INSTITUTION_SHEET);
            int header = headerRow(sheet, ReturnLayout.INSTITUTION_NAME);
            List<String> headers = texts(sheet.getRow(header));
            Row row = sheet.getRow(header + 1) == null ? sheet.createRow(header + 1) : sheet.getRow(header + 1);
            set(cell(row, headers.indexOf(ReturnLayout.INSTITUTION_NAME)), name);
            set(cell(row, headers.indexOf(ReturnLayout.DOC_NO)), docNo);
            set(cell(row, headers.indexOf(ReturnLayout.KIND)), "新建");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        Files.setLastModifiedTime(file, uploaded);
    }

    /** A task row's 整改状态, 完成日期 and 佐证材料 as Excel shows them. */
    private static List<String> read(Path file, String task) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ReturnLayout.PROGRESS_SHEET);
            int header = headerRow(sheet);
            List<String> headers = texts(sheet.getRow(header));
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                List<String> texts = texts(sheet.getRow(r));
                if (!texts.isEmpty() && texts.get(0).equals(task)) {
                    return List.of(texts.get(headers.indexOf(ReturnLayout.STATUS)),
                            texts.get(headers.indexOf(ReturnLayout.COMPLETION_DATE)),
                            texts.get(headers.indexOf(ReturnLayout.EVIDENCE)));
                }
            }
        }
        throw new AssertionError("no row for " + task);
    }

    private static int headerRow(Sheet sheet) {
        return headerRow(sheet, ReturnLayout.TASK_CODE);
    }

    private static int headerRow(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (!texts(row).isEmpty() && texts(row).get(0).equals(first)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header in " + sheet.getSheetName());
    }

    private static Cell cellRightOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            List<String> texts = texts(row);
            int at = texts.indexOf(label);
            if (at >= 0) {
                return cell(row, at + 1);
            }
        }
        throw new AssertionError("no label " + label);
    }

    private static Cell cell(Row row, int column) {
        return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (!value.toString().isEmpty()) {
            cell.setCellValue(value.toString());
        }
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new java.util.ArrayList<>();
        if (row != null) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
                texts.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)).strip());
            }
        }
        return texts;
    }
}
