package io.rectify.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming reader gives what the user-model reader gives, cell for cell. */
class StreamingXlsxReaderTest {

    @TempDir
    Path dir;

    @Test
    void streamingAndUserModelReadersAgreeCellForCellOnARichWorkbook() throws IOException {
        Path file = dir.resolve("rich.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fillRich(workbook);
            XSSFRichTextString rich = new XSSFRichTextString("加粗与普通");
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            rich.applyFont(0, 2, bold);
            workbook.getSheet("数据").getRow(0).createCell(9).setCellValue(rich);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            save(workbook, file);
        }

        List<SheetRow> streamed = assertSameAsUserModel(file);

        assertThat(streamed).as("the rich workbook really holds every kind of cell")
                .flatExtracting(SheetRow::cells).extracting(Cell::kind)
                .contains(Cell.Kind.TEXT, Cell.Kind.NUMBER, Cell.Kind.DATE, Cell.Kind.BOOLEAN, Cell.Kind.ERROR);
    }

    @Test
    void inlineStringsWrittenByTheStreamingWriterReadTheSame() throws IOException {
        Path file = dir.resolve("inline.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            fillRich(workbook);
            save(workbook, file);
            workbook.dispose();
        }

        assertSameAsUserModel(file);
    }

    @Test
    void datesOfA1904WorkbookComeInThe1900SerialEveryoneElseUses() throws IOException {
        Path file = dir.resolve("mac.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
            assertThat(workbook.isDate1904()).isTrue();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            org.apache.poi.ss.usermodel.Cell cell = workbook.createSheet("s").createRow(0).createCell(0);
            cell.setCellValue(LocalDate.of(2024, 3, 15));
            cell.setCellStyle(date);
            save(workbook, file);
        }

        List<SheetRow> rows = assertSameAsUserModel(file);

        Cell cell = rows.get(0).cells().get(0);
        assertThat(cell.text()).isEqualTo("2024-03-15");
        assertThat(ExcelDates.date(cell)).contains(LocalDate.of(2024, 3, 15));
    }

    @Test
    void mergedRangesAreKnownWithoutReadingTheRowsFirst() throws IOException {
        Path file = dir.resolve("merged.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("问题清单");
            for (int r = 0; r < 6; r++) {
                sheet.createRow(r).createCell(1).setCellValue("P" + r);
            }
            sheet.getRow(1).createCell(0).setCellValue("方面一");
            sheet.addMergedRegion(new CellRangeAddress(1, 4, 0, 0));
            save(workbook, file);
        }

        try (StreamingXlsxReader reader = StreamingXlsxReader.open(file)) {
            assertThat(reader.mergedRegions("问题清单")).containsExactly(CellRangeAddress.valueOf("A2:A5"));
        }
    }

    @Test
    void readingStopsWhenTheHandlerHasEnough() throws IOException {
        Path file = dir.resolve("long.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("s");
            for (int r = 0; r < 50; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            save(workbook, file);
        }
        List<Integer> seen = new ArrayList<>();

        try (StreamingXlsxReader reader = StreamingXlsxReader.open(file)) {
            reader.rows("s", row -> {
                seen.add(row.number());
                return row.number() < 3;
            });
            assertThat(seen).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> reader.rows("none", row -> true)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Reads every sheet with both readers, asserts they agree, and returns the streamed rows of all sheets. */
    private static List<SheetRow> assertSameAsUserModel(Path file) throws IOException {
        List<SheetRow> all = new ArrayList<>();
        try (StreamingXlsxReader streaming = StreamingXlsxReader.open(file);
             PoiWorkbookReader userModel = PoiWorkbookReader.open(file)) {
            assertThat(streaming.sheets()).isEqualTo(userModel.sheets());
            for (SheetInfo sheet : userModel.sheets()) {
                List<SheetRow> streamed = streaming.allRows(sheet.name());
                assertThat(streamed).as("sheet %s", sheet.name()).containsExactlyElementsOf(userModel.allRows(sheet.name()));
                assertThat(streaming.mergedRegions(sheet.name())).as("merged ranges of %s", sheet.name())
                        .isEqualTo(userModel.mergedRegions(sheet.name()));
                all.addAll(streamed);
            }
        }
        return all;
    }

    private static void save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** Every kind of cell a return may hold, over three visible, hidden and very hidden sheets. */
    private static void fillRich(Workbook workbook) {
        Sheet data = workbook.createSheet("数据");
        Row text = data.createRow(0);
        String[] texts = {"任务编号", "  前后空格  ", "两行\n文字", "", "１－２ＡＢ", "=不是公式", "tab\there", "回车\r\n换行", "A_B"};
        for (int c = 0; c < texts.length; c++) {
            text.createCell(c).setCellValue(texts[c]);
        }
        Row numbers = data.createRow(1);
        // the General and fixed-point formats the streaming reader formats itself, at their edges
        double[] values = {0, -1.5, 12345.678, 0.125, 1e20, 1.0 / 3, 123456789012.0, 3, 42, 0.1 + 0.2, -7,
                9_999_999_999.0, -0.001, 2.675, 1.005, 1234567.5, -0.0, 100, 7, 0.00001};
        String[] formats = {null, null, "#,##0.00", "0.0%", null, null, null, "@", "0", "0.00", null, null, "0.00",
                "0.00", "0.00", "0", "0.00", "0.00", "0.0", "0.00"};
        for (int c = 0; c < values.length; c++) {
            org.apache.poi.ss.usermodel.Cell cell = numbers.createCell(c);
            cell.setCellValue(values[c]);
            if (formats[c] != null) {
                cell.setCellStyle(style(workbook, formats[c]));
            }
        }
        Row dates = data.createRow(2);
        dates.createCell(0).setCellValue(LocalDate.of(2024, 3, 15));
        dates.getCell(0).setCellStyle(style(workbook, "yyyy-mm-dd"));
        dates.createCell(1).setCellValue(LocalDate.of(2024, 3, 16));
        dates.getCell(1).setCellStyle(builtIn(workbook, (short) 14));
        dates.createCell(2).setCellValue(LocalDate.of(2024, 3, 17));
        dates.getCell(2).setCellStyle(style(workbook, "yyyy\"年\"m\"月\"d\"日\""));
        dates.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 18, 14, 30));
        dates.getCell(3).setCellStyle(style(workbook, "yyyy-mm-dd hh:mm"));
        dates.createCell(4).setCellValue(0.75);
        dates.getCell(4).setCellStyle(style(workbook, "h:mm"));
        dates.createCell(5).setCellValue(-3);
        dates.getCell(5).setCellStyle(style(workbook, "yyyy-mm-dd"));
        Row others = data.createRow(3);
        others.createCell(0).setCellValue(true);
        others.createCell(1).setCellValue(false);
        others.createCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
        others.createCell(3).setCellErrorValue(FormulaError.NA.getCode());
        others.createCell(4).setCellStyle(style(workbook, "0.00"));
        Row formulas = data.createRow(4);
        String[] expressions = {"1+2", "\"a\"&\"b\"", "1>0", "1/0", "DATE(2024,3,15)", "B2*2", "\"\"", "A1"};
        for (int c = 0; c < expressions.length; c++) {
            formulas.createCell(c).setCellFormula(expressions[c]);
        }
        formulas.getCell(4).setCellStyle(style(workbook, "yyyy-mm-dd"));
        data.createRow(6).createCell(2).setCellStyle(style(workbook, "0"));
        data.createRow(99).createCell(27).setCellValue("远处的单元格");
        data.addMergedRegion(new CellRangeAddress(5, 7, 0, 0));
        data.addMergedRegion(new CellRangeAddress(99, 99, 27, 29));

        Sheet hidden = workbook.createSheet("隐藏");
        hidden.createRow(2).createCell(1).setCellValue("hidden");
        workbook.setSheetVisibility(1, SheetVisibility.HIDDEN);
        Sheet veryHidden = workbook.createSheet("_rectify");
        veryHidden.createRow(0).createCell(0).setCellValue("ledgerVersion");
        veryHidden.getRow(0).createCell(1).setCellValue("abc");
        workbook.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
        workbook.createSheet("空");
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static CellStyle builtIn(Workbook workbook, short format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format);
        return style;
    }
}
