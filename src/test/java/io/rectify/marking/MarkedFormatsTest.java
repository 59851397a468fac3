package io.rectify.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.consolidate.PeriodFile;
import io.rectify.intake.ReturnLayout;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marked copy keeps the unit's format; a file that is no workbook gets none. */
class MarkedFormatsTest {

    @TempDir
    Path root;

    private final List<ExceptionEntry> invalidStatus = List.of(ArchivedReturn.entry(Rule.INVALID_STATUS, 2, "B",
            "第2行任务“T01”的整改状态“进行”无效，请从下拉列表中选择"));

    @Test
    void aMacroEnabledWorkbookStaysMacroEnabled() throws IOException {
        Path marked = mark(write(root.resolve("U01.xlsm"), XSSFWorkbookType.XLSM, "推进")).orElseThrow();

        assertThat(marked.getFileName().toString()).isEqualTo("U01-标注.xlsm");
        try (InputStream in = Files.newInputStream(marked); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getWorkbookType()).isEqualTo(XSSFWorkbookType.XLSM);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getCellComment().getString().getString())
                    .contains("整改状态无效");
        }
    }

    @Test
    void formulaLikeTextOfTheUnitIsKeptAsWrittenAndMarkedAsText() throws IOException {
        Path marked = mark(write(root.resolve("U01.xlsx"), XSSFWorkbookType.XLSX, "=1+2")).orElseThrow();

        try (InputStream in = Files.newInputStream(marked); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var cell = workbook.getSheetAt(0).getRow(1).getCell(2);
            assertThat(cell.getStringCellValue()).isEqualTo("=1+2");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void aFileThatIsNoWorkbookGetsNoCopy() throws IOException {
        Path file = Files.writeString(root.resolve("U01.xlsx"), "任务编号,整改状态\nT01,进行\n", StandardCharsets.UTF_8);

        assertThat(mark(file)).isEmpty();
        assertThat(root.resolve("marked")).doesNotExist();
    }

    /** A return of one row: T01, a status that is none, and the given 进展情况. */
    private static Path write(Path file, XSSFWorkbookType type, String progress) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(type); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet(ReturnLayout.PROGRESS_SHEET);
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue(ReturnLayout.TASK_CODE);
            header.createCell(1).setCellValue(ReturnLayout.STATUS);
            header.createCell(2).setCellValue(ReturnLayout.PROGRESS);
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("T01");
            row.createCell(1).setCellValue("进行");
            row.createCell(2).setCellValue(progress);
            workbook.write(out);
        }
        return file;
    }

    private Optional<Path> mark(Path file) throws IOException {
        PeriodFile archived = ArchivedReturn.archive(root.resolve("data"), file);
        return ArchivedReturn.mark(new ReturnMarker(ArchivedReturn.properties(root.resolve("data"))),
                ArchivedReturn.receipt(archived, invalidStatus), root.resolve("marked"));
    }
}
