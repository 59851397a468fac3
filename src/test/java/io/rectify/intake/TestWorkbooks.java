package io.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes real workbooks with POI for the intake tests and the nightly runs built on them. */
public final class TestWorkbooks {

    /** A cell written as a formula; the workbook is evaluated before saving so it carries cached values. */
    public record Formula(String expression) {
    }

    private TestWorkbooks() {
    }

    public static Path xlsx(Path file, Consumer<Writer> content) throws IOException {
        return write(file, new XSSFWorkbook(), content);
    }

    public static Path xls(Path file, Consumer<Writer> content) throws IOException {
        return write(file, new HSSFWorkbook(), content);
    }

    private static Path write(Path file, Workbook workbook, Consumer<Writer> content) throws IOException {
        try (workbook) {
            content.accept(new Writer(workbook));
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    public static Object[] row(Object... values) {
        return values;
    }

    /** Reads a file expecting a return, and gives it. */
    static UnitReturn readOk(ReturnReader reader, Path file) throws IOException {
        ReadOutcome outcome = reader.read(found(file));
        assertThat(outcome).as("outcome of %s", file).isInstanceOf(ReadOutcome.Read.class);
        return ((ReadOutcome.Read) outcome).unitReturn();
    }

    /** Reads a file expecting a refusal, and gives it. */
    static ReadOutcome.Refused refused(ReturnReader reader, Path file) throws IOException {
        ReadOutcome outcome = reader.read(found(file));
        assertThat(outcome).as("outcome of %s", file).isInstanceOf(ReadOutcome.Refused.class);
        return (ReadOutcome.Refused) outcome;
    }

    /** A found file as the scanner would give it (the tests of the reader do not need a real hash). */
    static FoundFile found(Path file) throws IOException {
        return new FoundFile(file, file.getFileName().toString(), Files.size(file), "0".repeat(64), Instant.EPOCH);
    }

    /** A typical unit return: title, metadata block, reordered header with synonyms and an unknown 序号 column. */
    static void typicalReturn(Writer writer) {
        Sheet sheet = writer.sheet(ReturnLayout.PROGRESS_SHEET,
                row("区直单位巡视整改进展报送表"),
                row("单位代码", "A01", null, "单位名称", "区财政局"),
                row("报送期次", "2024年3月", null, " 报送日期 ", LocalDate.of(2024, 4, 3)),
                row("填报人：", "张三", null, "联系电话", "0571-1234567"),
                row(),
                row("序号", "状态", "措施编号", "完成日期", "进展情况", "佐证材料"),
                row(1, "已完成", "１－１", LocalDate.of(2024, 3, 15), "已印发实施方案", "区财〔2024〕3号"),
                row(2, "推进中", "1-2", null, "正在推进"),
                row(),
                row(3, "完成", " 2-1 ", "2024年3月15日"),
                row(4));
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 5));
    }

    /** Fills workbooks: rows of values (String, Number, LocalDate, Boolean, Formula; null leaves the cell empty). */
    public static final class Writer {

        private final Workbook workbook;
        private final CellStyle dateStyle;

        Writer(Workbook workbook) {
            this.workbook = workbook;
            this.dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        public Workbook workbook() {
            return workbook;
        }

        public Sheet sheet(String name, Object[]... rows) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    set(row, c, rows[r][c]);
                }
            }
            return sheet;
        }

        private void set(Row row, int column, Object value) {
            if (value == null) {
                return;
            }
            Cell cell = row.createCell(column);
            if (value instanceof String text) {
                cell.setCellValue(text);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Formula formula) {
                cell.setCellFormula(formula.expression());
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }
    }
}
