package io.rectify.intake;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.intake.RawXlsx.At;
import io.rectify.intake.RawXlsx.RawCell;
import io.rectify.workbook.Cell;
import io.rectify.workbook.ExcelDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Returns that are strange but still returns: each is read as a person sees it in Excel, so that
 * the rules judge what the unit meant, not how the file happens to store it.
 */
class StrangeReturnsTest {

    private static final Object[] CODE = row("单位代码", "A01");
    private static final Object[] PERIOD = row("报送期次", "2024-03");

    @TempDir
    Path dir;

    private final ReturnReader reader = new ReturnReader();

    private UnitReturn read(Path file) throws IOException {
        return TestWorkbooks.readOk(reader, file);
    }

    private static List<String> column(UnitReturn read, String column) {
        return read.progress().rows().stream().map(r -> r.text(column)).toList();
    }

    @Test
    void hiddenAndVeryHiddenProgressSheetsAreReadAsTheUnitFilledThem() throws IOException {
        for (SheetVisibility visibility : List.of(SheetVisibility.HIDDEN, SheetVisibility.VERY_HIDDEN)) {
            Path file = TestWorkbooks.xlsx(dir.resolve(visibility + ".xlsx"), w -> {
                w.sheet("说明", row("本表由整改办下发"));
                TestWorkbooks.typicalReturn(w);
                w.workbook().setSheetVisibility(1, visibility);
            });

            assertThat(column(read(file), ReturnLayout.TASK_CODE)).as("%s", visibility).containsExactly("１－１", "1-2", "2-1");
        }
    }

    @Test
    void xlsxSavedWithAnXlsNameIsReadByItsContent() throws IOException {
        Path xlsx = TestWorkbooks.xlsx(dir.resolve("return.xlsx"), TestWorkbooks::typicalReturn);
        Path renamed = Files.move(xlsx, dir.resolve("return.xls"));

        assertThat(column(read(renamed), ReturnLayout.TASK_CODE)).containsExactly("１－１", "1-2", "2-1");
    }

    @Test
    void aSheetAsLargeAsExcelAllowsWithAFewRowsIsReadRowByRow() throws IOException {
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, null, "A1:XFD1048576", out -> {
            out.write(RawXlsx.row(1, CODE));
            out.write(RawXlsx.row(2, PERIOD));
            out.write(RawXlsx.row(3, "任务编号", "整改状态", new At(16_383, "备注")));
            out.write(RawXlsx.row(4, "1-1", "推进中"));
            out.write(RawXlsx.row(1_048_576, "1-2", "已完成", new At(16_383, "最后一行最后一列")));
        }, "").write(dir.resolve("whole-grid.xlsx"));

        UnitReturn read = read(file);

        assertThat(read.progress().rows()).extracting(TableRow::row).containsExactly(4, 1_048_576);
        assertThat(read.progress().letter(ReturnLayout.REMARK)).isEqualTo("XFD");
        assertThat(read.progress().rows().get(1).text(ReturnLayout.REMARK)).isEqualTo("最后一行最后一列");
    }

    @Test
    void formulaCellsGiveTheValueExcelLastShowedNeverARecalculation() throws IOException {
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(CODE, PERIOD,
                row("任务编号", "整改状态", "备注"),
                // the cached values are not what the formulas compute: only the cached ones may be used
                row(new RawCell("<c r=\"$REF\" t=\"str\"><f>\"9-\"&amp;\"9\"</f><v>1-1</v></c>"),
                        new RawCell("<c r=\"$REF\" t=\"str\"><f>\"推进\"&amp;\"中\"</f><v>已完成</v></c>"),
                        new RawCell("<c r=\"$REF\"><f>1+1</f><v>5</v></c>")),
                row("1-2", new RawCell("<c r=\"$REF\" t=\"str\"><f>WEBSERVICE(\"http://example.invalid/\")</f><v>推进中</v></c>"))))
                .write(dir.resolve("formulas.xlsx"));

        UnitReturn read = read(file);

        assertThat(column(read, ReturnLayout.TASK_CODE)).containsExactly("1-1", "1-2");
        assertThat(column(read, ReturnLayout.STATUS)).containsExactly("已完成", "推进中");
        assertThat(read.progress().rows().get(0).cell(ReturnLayout.REMARK).orElseThrow().number()).isEqualTo(5.0);
    }

    @Test
    void errorCellsAreReadAsTheErrorTheUnitSees() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("errors.xlsx"), w -> {
            Sheet sheet = w.sheet(ReturnLayout.PROGRESS_SHEET, CODE, PERIOD, row("任务编号", "整改状态", "完成日期"),
                    row("1-1", null, null));
            sheet.getRow(3).createCell(1).setCellErrorValue(FormulaError.NA.getCode());
            sheet.getRow(3).createCell(2).setCellErrorValue(FormulaError.VALUE.getCode());
        });

        TableRow row = read(file).progress().rows().get(0);

        assertThat(row.cell(ReturnLayout.STATUS).orElseThrow()).extracting(Cell::kind, Cell::text)
                .containsExactly(Cell.Kind.ERROR, "#N/A");
        assertThat(ExcelDates.date(row.cell(ReturnLayout.COMPLETION_DATE).orElseThrow())).isEmpty();
    }

    @Test
    void aCellMergedDownTheTableGivesItsValueToEveryRowItCovers() throws IOException {
        Consumer<TestWorkbooks.Writer> merged = w -> {
            Sheet sheet = w.sheet(ReturnLayout.PROGRESS_SHEET, CODE, PERIOD, row("任务编号", "整改状态", "进展情况", "佐证材料"),
                    row("1-1", "已完成", "三项任务一并完成"), row("1-2"), row("1-3"), row("2-1", "推进中", "按计划推进"));
            sheet.addMergedRegion(new CellRangeAddress(3, 5, 1, 1));
            // a block over two columns: its value stays in its first column
            sheet.addMergedRegion(new CellRangeAddress(3, 5, 2, 3));
        };
        for (Path file : List.of(TestWorkbooks.xlsx(dir.resolve("merged.xlsx"), merged),
                TestWorkbooks.xls(dir.resolve("merged.xls"), merged))) {
            UnitReturn read = read(file);

            assertThat(column(read, ReturnLayout.STATUS)).as("%s", file).containsExactly("已完成", "已完成", "已完成", "推进中");
            assertThat(column(read, ReturnLayout.PROGRESS)).containsExactly("三项任务一并完成", "三项任务一并完成", "三项任务一并完成", "按计划推进");
            assertThat(column(read, ReturnLayout.EVIDENCE)).containsOnly("");
        }
    }

    @Test
    void taskCodesStoredAsNumbersAreReadAsTheDigitsShown() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("numbers.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET, CODE, PERIOD,
                row("任务编号", "整改状态"), row(1001, "推进中"), row(2.5, "推进中"), row(12345678901L, "推进中")));

        assertThat(column(read(file), ReturnLayout.TASK_CODE)).containsExactly("1001", "2.5", "12345678901");
    }

    @Test
    void datesStoredAsPlainNumbersOrAsTextAreDates() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("dates.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET, CODE,
                row("报送期次", LocalDate.of(2024, 3, 1)), row("任务编号", "整改状态", "完成日期"),
                row("1-1", "已完成", 45366), row("1-2", "已完成", " 2024 年 3 月 16 日 "), row("1-3", "已完成", "２０２４／３／１７")));

        UnitReturn read = read(file);

        assertThat(read.progress().rows()).extracting(r -> ExcelDates.date(r.cell(ReturnLayout.COMPLETION_DATE).orElseThrow()).orElseThrow())
                .containsExactly(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 17));
        assertThat(ExcelDates.period(read.field(ReturnLayout.PERIOD).orElseThrow().cell()))
                .as("a period typed as a date").contains(YearMonth.of(2024, 3));
    }

    @Test
    void fullCellsOf32767CharactersAreReadWhole() throws IOException {
        String full = HostileFiles.text(32_767);
        Path file = TestWorkbooks.xlsx(dir.resolve("full.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET, CODE, PERIOD,
                row("填报人", full), row("任务编号", "整改状态", "进展情况"), row("1-1", "推进中", full)));

        UnitReturn read = read(file);

        assertThat(read.field(ReturnLayout.REPORTER).orElseThrow().text()).isEqualTo(full);
        assertThat(read.progress().rows().get(0).text(ReturnLayout.PROGRESS)).hasSize(32_767).isEqualTo(full);
    }

    @Test
    void controlCharactersAreReadAsExcelWritesThem() throws IOException {
        // Excel escapes the characters XML cannot hold as _xHHHH_
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(CODE, PERIOD,
                row("任务编号", "整改状态", "进展情况"),
                row("1-1_x0000_", "推进中", "进展_x0001_报告_x0007_已_x001F_提交\t换行\n"))).write(dir.resolve("control.xlsx"));

        TableRow row = read(file).progress().rows().get(0);

        assertThat(row.cell(ReturnLayout.PROGRESS).orElseThrow().text()).isEqualTo("进展\u0001报告\u0007已\u001F提交\t换行\n");
        assertThat(row.text(ReturnLayout.TASK_CODE)).isEqualTo("1-1\u0000");
    }

    @Test
    void namesWithSpacesEmojiAndOtherScriptsAreFoundAndRead() throws IOException {
        Path period = Files.createDirectories(dir.resolve("returns/2024-03/第 一 组 🚀"));
        String text = "已完成 ✅ 👍🏽 Ελληνικά العربية עברית हिन्दी 𠀋";
        TestWorkbooks.xlsx(period.resolve("报表 😀 تقرير Ω.xlsx"), w -> w.sheet(" 整改 进展 ", CODE, PERIOD,
                row("任务编号", "整改状态", "进展情况"), row("1-1", "推进中", text)));

        PeriodScan scan = new PeriodFolderScanner(dir.resolve("returns")).scan(YearMonth.of(2024, 3));
        ReadOutcome outcome = reader.read(scan.workbooks().get(0));

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("第 一 组 🚀/报表 😀 تقرير Ω.xlsx");
        assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.Read.class, read -> {
            assertThat(read.unitReturn().file()).isEqualTo("第 一 组 🚀/报表 😀 تقرير Ω.xlsx");
            assertThat(read.unitReturn().progress().rows().get(0).text(ReturnLayout.PROGRESS)).isEqualTo(text);
        });
    }

    @Test
    void macroEnabledWorkbooksAndTemplatesAreFoundAndReadLikeXlsx() throws IOException {
        Path period = Files.createDirectories(dir.resolve("returns/2024-03"));
        Map<String, XSSFRelation> kinds = Map.of("U01.xlsm", XSSFRelation.MACROS_WORKBOOK, "U02.xltx", XSSFRelation.TEMPLATE_WORKBOOK,
                "U03.xltm", XSSFRelation.MACRO_TEMPLATE_WORKBOOK);
        kinds.forEach((name, kind) -> HostileFiles.rewriteEntry(HostileFiles.xlsx(period.resolve(name), TestWorkbooks::typicalReturn),
                "[Content_Types].xml", xml -> xml.replace(XSSFRelation.WORKBOOK.getContentType(), kind.getContentType())));

        PeriodScan scan = new PeriodFolderScanner(dir.resolve("returns")).scan(YearMonth.of(2024, 3));

        assertThat(scan.workbooks()).extracting(FoundFile::relative).containsExactly("U01.xlsm", "U02.xltx", "U03.xltm");
        for (FoundFile file : scan.workbooks()) {
            assertThat(reader.read(file)).as(file.relative()).isInstanceOfSatisfying(ReadOutcome.Read.class, read ->
                    assertThat(column(read.unitReturn(), ReturnLayout.TASK_CODE)).containsExactly("１－１", "1-2", "2-1"));
        }
    }

    @Test
    void emptyValueElementsWrittenByExportToolsReadAsBlankCells() throws IOException {
        Path file = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, RawXlsx.rows(CODE, PERIOD,
                row("任务编号", "整改状态", "完成日期", "进展情况", "佐证材料", "备注"),
                row("1-1", "推进中", new RawCell("<c r=\"$REF\"><v></v></c>"), new RawCell("<c r=\"$REF\" t=\"s\"><v/></c>"),
                        new RawCell("<c r=\"$REF\" t=\"inlineStr\"><is><t/></is></c>"),
                        new RawCell("<c r=\"$REF\" t=\"str\"><f>\"\"</f><v></v></c>")),
                row("1-2", new RawCell("<c r=\"$REF\" t=\"s\"><v></v></c>"), new RawCell("<c r=\"$REF\"><f>1+1</f><v/></c>"))))
                .write(dir.resolve("export.xlsx"));

        UnitReturn read = read(file);

        assertThat(read.progress().rows()).extracting(TableRow::row).containsExactly(4, 5);
        assertThat(read.progress().rows().get(0).cells()).containsOnlyKeys(ReturnLayout.TASK_CODE, ReturnLayout.STATUS);
        assertThat(read.progress().rows().get(1).cells()).containsOnlyKeys(ReturnLayout.TASK_CODE);
    }

    @Test
    void workbooksEncryptedWithExcelsDefaultPasswordAreReadAsExcelOpensThemWithoutAsking() throws IOException {
        for (EncryptionMode mode : List.of(EncryptionMode.agile, EncryptionMode.standard)) {
            Path file = HostileFiles.encrypted(dir.resolve(mode + ".xlsx"), TestWorkbooks::typicalReturn, mode,
                    Decryptor.DEFAULT_PASSWORD);

            assertThat(column(read(file), ReturnLayout.TASK_CODE)).as("%s", mode).containsExactly("１－１", "1-2", "2-1");
        }
        Path xls;
        Biff8EncryptionKey.setCurrentUserPassword(Decryptor.DEFAULT_PASSWORD);
        try {
            xls = TestWorkbooks.xls(dir.resolve("default.xls"), TestWorkbooks::typicalReturn);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThat(Files.readString(xls, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the .xls is really encrypted")
                .doesNotContain("1-2");
        assertThat(column(read(xls), ReturnLayout.TASK_CODE)).containsExactly("１－１", "1-2", "2-1");
    }
}
