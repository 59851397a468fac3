package io.rectify.run;

import io.rectify.intake.ReturnLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An input folder as the office has it after three months: the small standard ledger of
 * {@link LedgerWorkbookFixture} (5 units, 6 tasks) in master/ and real .xlsx returns for
 * 2024-01, 2024-02 and 2024-03, written with POI. 2024-03 holds 3 acceptable returns, a
 * corrupt workbook (rejected) and a text file (skipped): 5 files read, 3 accepted, 1 rejected.
 */
public final class OfficeInput {

    public static final String LAST_PERIOD = "2024-03";

    private OfficeInput() {
    }

    public static void write(Path input) {
        LedgerWorkbookFixture.standard().writeToMaster(input);
        Path returns = input.resolve("returns");
        unitReturn(returns.resolve("2024-01/U01.xlsx"), "U01", "2024-01", LocalDate.of(2024, 2, 3),
                row("T01", "推进中", null, null), row("T06", "推进中", null, null));
        unitReturn(returns.resolve("2024-01/区财政局/报表.xlsx"), "U02", "2024-01", LocalDate.of(2024, 2, 4),
                row("T02", "推进中", null, null));
        unitReturn(returns.resolve("2024-02/U01.xlsx"), "U01", "2024-02", LocalDate.of(2024, 3, 2),
                row("T01", "已完成", LocalDate.of(2024, 2, 10), "区发改〔2024〕5号"), row("T06", "推进中", null, null));
        unitReturn(returns.resolve("2024-02/U03.xlsx"), "U03", "2024-02", LocalDate.of(2024, 3, 12),
                row("T03", "推进中", null, null));
        unitReturn(returns.resolve("2024-03/U01.xlsx"), "U01", "2024-03", LocalDate.of(2024, 4, 2),
                row("T01", "已完成", LocalDate.of(2024, 2, 10), "区发改〔2024〕5号"), row("T06", "推进中", null, null));
        unitReturn(returns.resolve("2024-03/U02.xlsx"), "U02", "2024-03", LocalDate.of(2024, 4, 3),
                row("T02", "已完成", LocalDate.of(2024, 3, 5), null), row("T99", "推进中", null, null));
        unitReturn(returns.resolve("2024-03/U04.xlsx"), "U04", "2024-03", LocalDate.of(2024, 4, 15),
                row("T04", "推进中", null, null));
        text(returns.resolve("2024-03/坏文件.xlsx"), "not a workbook");
        text(returns.resolve("2024-03/说明.txt"), "各单位报表");
    }

    private static Object[] row(String task, String status, LocalDate completed, String evidence) {
        return new Object[] {task, status, completed, evidence};
    }

    /** A return laid out as a unit retypes it: title, metadata block, header row, task rows. */
    private static void unitReturn(Path file, String unit, String period, LocalDate submitted, Object[]... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet(ReturnLayout.PROGRESS_SHEET);
            sheet.createRow(0).createCell(0).setCellValue("巡视整改进展报送表");
            label(sheet, 1, ReturnLayout.UNIT_CODE, unit);
            label(sheet, 2, ReturnLayout.PERIOD, period);
            Row submittedRow = sheet.createRow(3);
            submittedRow.createCell(0).setCellValue(ReturnLayout.SUBMITTED_ON);
            submittedRow.createCell(1).setCellValue(submitted);
            submittedRow.getCell(1).setCellStyle(dates);
            Row header = sheet.createRow(5);
            String[] headers = {ReturnLayout.TASK_CODE, ReturnLayout.STATUS, ReturnLayout.COMPLETION_DATE, ReturnLayout.EVIDENCE};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(6 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((String) rows[r][1]);
                if (rows[r][2] instanceof LocalDate date) {
                    row.createCell(2).setCellValue(date);
                    row.getCell(2).setCellStyle(dates);
                }
                if (rows[r][3] instanceof String evidence) {
                    row.createCell(3).setCellValue(evidence);
                }
            }
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void label(Sheet sheet, int row, String label, String value) {
        Row r = sheet.createRow(row);
        r.createCell(0).setCellValue(label);
        r.createCell(1).setCellValue(value);
    }

    private static void text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
