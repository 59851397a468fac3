package io.rectify.intake;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.rule.Rule;
import io.rectify.workbook.Cell;
import io.rectify.workbook.ExcelDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnReaderTest {

    @TempDir
    Path dir;

    private final ReturnReader reader = new ReturnReader();

    private UnitReturn readOk(Path file) throws IOException {
        return TestWorkbooks.readOk(reader, file);
    }

    private ReadOutcome.Refused refused(Path file) throws IOException {
        return TestWorkbooks.refused(reader, file);
    }

    @Test
    void returnWithTitleRowsMetadataAndReorderedSynonymColumnsIsReadByColumnName() throws IOException {
        UnitReturn read = readOk(TestWorkbooks.xlsx(dir.resolve("财政局.xlsx"), TestWorkbooks::typicalReturn));

        assertThat(read.file()).isEqualTo("财政局.xlsx");
        assertThat(read.field(ReturnLayout.UNIT_CODE).orElseThrow()).extracting(MetadataField::text, MetadataField::row,
                MetadataField::column).containsExactly("A01", 2, "B");
        assertThat(read.field(ReturnLayout.UNIT_NAME).orElseThrow().text()).isEqualTo("区财政局");
        assertThat(ExcelDates.period(read.field(ReturnLayout.PERIOD).orElseThrow().cell())).contains(YearMonth.of(2024, 3));
        MetadataField submitted = read.field(ReturnLayout.SUBMITTED_ON).orElseThrow();
        assertThat(submitted.cell().kind()).isEqualTo(Cell.Kind.DATE);
        assertThat(submitted.column()).isEqualTo("E");
        assertThat(ExcelDates.date(submitted.cell())).contains(LocalDate.of(2024, 4, 3));
        assertThat(read.field(ReturnLayout.REPORTER).orElseThrow().text()).isEqualTo("张三");
        assertThat(read.field(ReturnLayout.PHONE).orElseThrow().text()).isEqualTo("0571-1234567");

        SheetTable progress = read.progress();
        assertThat(progress.sheet()).isEqualTo(ReturnLayout.PROGRESS_SHEET);
        assertThat(progress.letter(ReturnLayout.TASK_CODE)).isEqualTo("C");
        assertThat(progress.letter(ReturnLayout.STATUS)).isEqualTo("B");
        assertThat(progress.letter(ReturnLayout.EVIDENCE)).isEqualTo("F");
        assertThat(progress.has(ReturnLayout.REMARK)).isFalse();
        assertThat(progress.letters()).doesNotContainKey("序号");
        // the blank row 9 is skipped; row 11 fills only the unknown 序号 column
        assertThat(progress.rows()).extracting(TableRow::row).containsExactly(7, 8, 10);
        TableRow first = progress.rows().get(0);
        assertThat(first.text(ReturnLayout.TASK_CODE)).as("full-width code kept as written; reconcile folds it")
                .isEqualTo("１－１");
        assertThat(first.text(ReturnLayout.STATUS)).isEqualTo("已完成");
        assertThat(first.cells()).doesNotContainKey("序号");
        assertThat(progress.rows().get(1).cell(ReturnLayout.COMPLETION_DATE)).isEmpty();
        assertThat(progress.rows().get(2).text(ReturnLayout.TASK_CODE)).isEqualTo("2-1");
        assertThat(read.institutions()).isEmpty();
        assertThat(read.accountability()).isEmpty();
        assertThat(read.ledgerMarker()).isEmpty();
    }

    @Test
    void completionDatesAreReadFromDateCellsAndEveryTextForm() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("dates.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                row("单位代码", "A01"), row("报送期次", "2024-03"),
                row("任务编号", "整改状态", "完成日期"),
                row("1-1", "已完成", LocalDate.of(2024, 3, 15)),
                row("1-2", "已完成", "2024-03-16"),
                row("1-3", "已完成", "2024/3/17"),
                row("1-4", "已完成", "2024.3.18"),
                row("1-5", "已完成", "2024年3月19日")));

        List<TableRow> rows = readOk(file).progress().rows();

        assertThat(rows.get(0).cell(ReturnLayout.COMPLETION_DATE).orElseThrow().kind()).isEqualTo(Cell.Kind.DATE);
        assertThat(rows).extracting(r -> ExcelDates.date(r.cell(ReturnLayout.COMPLETION_DATE).orElseThrow()).orElseThrow())
                .containsExactly(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 17),
                        LocalDate.of(2024, 3, 18), LocalDate.of(2024, 3, 19));
    }

    @Test
    void formulaCellsGiveTheirCachedValues() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("formulas.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                row("单位代码", new TestWorkbooks.Formula("\"A\"&\"01\"")), row("报送期次", "2024-03"),
                row("任务编号", "整改状态", "完成日期", "备注"),
                row(new TestWorkbooks.Formula("\"1-\"&(1+1)"), "推进中", null, new TestWorkbooks.Formula("3*4"))));

        UnitReturn read = readOk(file);

        assertThat(read.field(ReturnLayout.UNIT_CODE).orElseThrow().text()).isEqualTo("A01");
        TableRow row = read.progress().rows().get(0);
        assertThat(row.text(ReturnLayout.TASK_CODE)).isEqualTo("1-2");
        assertThat(row.cell(ReturnLayout.REMARK).orElseThrow()).extracting(Cell::kind, Cell::number, Cell::text)
                .containsExactly(Cell.Kind.NUMBER, 12.0, "12");
    }

    @Test
    void xlsReturnIsReadThroughHssf() throws IOException {
        UnitReturn read = readOk(TestWorkbooks.xls(dir.resolve("旧版.xls"), TestWorkbooks::typicalReturn));

        assertThat(read.field(ReturnLayout.UNIT_CODE).orElseThrow().text()).isEqualTo("A01");
        assertThat(read.progress().rows()).extracting(r -> r.text(ReturnLayout.TASK_CODE)).containsExactly("１－１", "1-2", "2-1");
        assertThat(ExcelDates.date(read.progress().rows().get(0).cell(ReturnLayout.COMPLETION_DATE).orElseThrow()))
                .contains(LocalDate.of(2024, 3, 15));
    }

    @Test
    void xlsRenamedXlsxIsReadByItsContent() throws IOException {
        Path xls = TestWorkbooks.xls(dir.resolve("return.xls"), TestWorkbooks::typicalReturn);
        Path renamed = Files.move(xls, dir.resolve("return.xlsx"));

        assertThat(readOk(renamed).progress().rows()).hasSize(3);
    }

    @Test
    void sheetsFoundByHeaderWithoutMetadataLabelsAreTemplateMismatchNamingTheLabels() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("nolabel.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                row("单位名称", "区财政局"), row("任务编号", "整改状态"), row("1-1", "推进中")));

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.sheet()).isEqualTo(ReturnLayout.PROGRESS_SHEET);
        assertThat(refused.message()).contains("“单位代码”", "“报送期次”").doesNotContain("单位名称");
    }

    @Test
    void labelWithoutValueIsAFieldWithABlankCellWhereTheValueBelongs() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("blank.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                row("单位代码", null, "报送期次", "2024-03"),
                row("任务编号", "整改状态"), row("1-1", "推进中")));

        UnitReturn read = readOk(file);

        MetadataField code = read.field(ReturnLayout.UNIT_CODE).orElseThrow();
        assertThat(code.text()).isEmpty();
        assertThat(code.row()).isEqualTo(1);
        assertThat(code.column()).isEqualTo("B");
        assertThat(read.field(ReturnLayout.PERIOD).orElseThrow().column()).isEqualTo("D");
    }

    @Test
    void labelAndValueInOneCellFooterRowsAndARepeatedHeaderAreNotTasks() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("footer.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                row("单位代码：A01", null, "报送期次：2024年3月"),
                row("任务编号", "整改状态"), row("1-1", "推进中"),
                row("任务编号 ", "整改状态"), row("1-2", "推进中"),
                row("填报人：李四", null, "联系电话：13800000000")));

        UnitReturn read = readOk(file);

        assertThat(read.field(ReturnLayout.UNIT_CODE).orElseThrow()).extracting(MetadataField::text, MetadataField::column)
                .containsExactly("A01", "A");
        assertThat(read.field(ReturnLayout.PERIOD).orElseThrow().text()).isEqualTo("2024年3月");
        assertThat(read.field(ReturnLayout.REPORTER).orElseThrow().text()).isEqualTo("李四");
        assertThat(read.field(ReturnLayout.PHONE).orElseThrow().row()).isEqualTo(6);
        assertThat(read.progress().rows()).extracting(TableRow::row).containsExactly(3, 5);
    }

    @Test
    void missingProgressSheetIsTemplateMismatchListingTheSheetsFound() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("nosheet.xlsx"), w -> {
            w.sheet("Sheet1", row("任务编号", "整改状态"));
            w.sheet("汇总", row("x"));
        });

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.message()).contains("整改进展", "Sheet1、汇总");
        assertThat(refused.value()).isEqualTo("Sheet1、汇总");
    }

    @Test
    void missingTaskCodeColumnIsTemplateMismatchNamingItAndTheRowThatCameClosest() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("nocol.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                row("单位代码", "A01"), row("报送期次", "2024-03"), row(),
                row("序号", "编号", "整改状态", "进展情况"), row(1, "1-1", "推进中")));

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.sheet()).isEqualTo(ReturnLayout.PROGRESS_SHEET);
        assertThat(refused.row()).isEqualTo(4);
        assertThat(refused.message()).contains("缺少“任务编号”；", "“任务编号”（或“措施编号”）");
    }

    @Test
    void sheetNameWithStraySpacesIsStillTheProgressSheet() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("spaces.xlsx"), w -> w.sheet(" 整改 进展 ",
                row("单位代码", "A01"), row("报送期次", "2024-03"), row("任务编号", "整改状态"), row("1-1", "推进中")));

        assertThat(readOk(file).progress().sheet()).isEqualTo(" 整改 进展 ");
    }

    @Test
    void optionalSheetsAreReadByHeaderAndABlankOneIsAnEmptyList() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("optional.xlsx"), w -> {
            TestWorkbooks.typicalReturn(w);
            w.sheet(ReturnLayout.INSTITUTION_SHEET, row("制度建设情况"), row("类型", "制度名称", "文号"),
                    row("新建", "区财政局预算管理办法", "区财〔2024〕5号"), row(), row("修订", "资金拨付规程"));
            w.sheet(ReturnLayout.ACCOUNTABILITY_SHEET);
        });

        UnitReturn read = readOk(file);

        SheetTable institutions = read.institutions().orElseThrow();
        assertThat(institutions.letter(ReturnLayout.KIND)).isEqualTo("A");
        assertThat(institutions.rows()).extracting(TableRow::row).containsExactly(3, 5);
        assertThat(institutions.rows().get(0).text(ReturnLayout.DOC_NO)).isEqualTo("区财〔2024〕5号");
        assertThat(read.accountability().orElseThrow().rows()).isEmpty();
    }

    @Test
    void optionalSheetWithARequiredColumnMissingIsTemplateMismatchNamingSheetAndColumn() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("badopt.xlsx"), w -> {
            TestWorkbooks.typicalReturn(w);
            w.sheet(ReturnLayout.ACCOUNTABILITY_SHEET, row("类型", "说明"), row("诫勉谈话", "x"));
        });

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.sheet()).isEqualTo(ReturnLayout.ACCOUNTABILITY_SHEET);
        assertThat(refused.message()).contains("工作表“问责情况”", "缺少“人数”；");
    }

    @Test
    void extensionRequestsAreReadFromTheOptionalSheetByHeaderWithSynonyms() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("延期.xlsx"), w -> {
            TestWorkbooks.typicalReturn(w);
            w.sheet(" 延期 申请 ", row("延期申请"), row("措施编号", "整改措施", "完成时限", "延期至", "理由"),
                    row("1-2", "制定方案", "2024年6月前", LocalDate.of(2024, 9, 30), "需上级批复"), row(),
                    row("2-1", null, null, "2024年12月31日", "资金未到位"));
        });

        UnitReturn read = readOk(file);

        SheetTable extensions = read.extensions().orElseThrow();
        assertThat(extensions.sheet()).isEqualTo(" 延期 申请 ");
        assertThat(extensions.letter(ReturnLayout.REQUESTED)).isEqualTo("D");
        assertThat(extensions.letter(ReturnLayout.CURRENT_DEADLINE)).isEqualTo("C");
        assertThat(extensions.rows()).extracting(TableRow::row).containsExactly(3, 5);
        TableRow first = extensions.rows().get(0);
        assertThat(first.text(ReturnLayout.TASK_CODE)).isEqualTo("1-2");
        assertThat(ExcelDates.date(first.cell(ReturnLayout.REQUESTED).orElseThrow())).contains(LocalDate.of(2024, 9, 30));
        assertThat(first.text(ReturnLayout.REASON)).isEqualTo("需上级批复");
        assertThat(extensions.rows().get(1).text(ReturnLayout.REQUESTED)).isEqualTo("2024年12月31日");
    }

    @Test
    void aReturnWithoutTheExtensionSheetHasNoRequestsAndABlankOneAnEmptyList() throws IOException {
        Path without = TestWorkbooks.xlsx(dir.resolve("without.xlsx"), TestWorkbooks::typicalReturn);
        Path blank = TestWorkbooks.xls(dir.resolve("blank.xls"), w -> {
            TestWorkbooks.typicalReturn(w);
            w.sheet(ReturnLayout.EXTENSION_SHEET);
        });

        assertThat(readOk(without).extensions()).isEmpty();
        assertThat(readOk(blank).extensions().orElseThrow().rows()).isEmpty();
    }

    @Test
    void anExtensionSheetWithoutItsRequiredColumnsIsTemplateMismatchNamingThemWithTheOtherSheetsFaults() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("badext.xlsx"), w -> {
            TestWorkbooks.typicalReturn(w);
            w.sheet(ReturnLayout.ACCOUNTABILITY_SHEET, row("类型", "说明"), row("诫勉谈话", "x"));
            w.sheet(ReturnLayout.EXTENSION_SHEET, row("任务编号", "原因"), row("1-2", "需上级批复"));
        });

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.sheet()).isEqualTo(ReturnLayout.ACCOUNTABILITY_SHEET);
        assertThat(refused.message()).contains("缺少“人数”；", "工作表“延期申请”", "缺少“申请延期至”、“延期理由”；",
                "“申请延期至”（或“延期至”或“申请延期时限”）");
        assertThat(refused.unitClues()).containsExactly("A01", "区财政局");
    }

    @Test
    void templateMarkerGivesTheLedgerVersion() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("marker.xlsx"), w -> {
            TestWorkbooks.typicalReturn(w);
            Sheet marker = w.sheet(TemplateMarker.SHEET, row(TemplateMarker.PERIOD, "2024-03"),
                    row(TemplateMarker.LEDGER_VERSION, "ab12cd"), row(TemplateMarker.UNIT, "A01"));
            w.workbook().setSheetVisibility(w.workbook().getSheetIndex(marker), SheetVisibility.VERY_HIDDEN);
        });

        assertThat(readOk(file).ledgerMarker()).contains("ab12cd");
    }

    @Test
    void aReturnWithoutItsProgressSheetStillTellsItsUnitFromTheMarkerAndAnySheetsLabels() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("renamed.xlsx"), w -> {
            w.sheet("封面", row("巡视整改进展报送表"), row("单位名称：", null, "区教育局"));
            w.sheet("进展", row("单位代码", "A07"), row("报送期次", "2024-03"), row("任务编号", "整改状态"), row("1-1", "推进中"));
            w.sheet(TemplateMarker.SHEET, row(TemplateMarker.LEDGER_VERSION, "abc"), row(TemplateMarker.PERIOD, "2024-03"),
                    row(TemplateMarker.UNIT, "U07"));
            w.workbook().setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
        });

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.unitClues()).containsExactly("U07", "A07", "区教育局");
    }

    @Test
    void aProgressSheetMissingAColumnTellsItsUnitFromItsMetadataBlockFirst() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("no-status.xlsx"), w -> {
            w.sheet(ReturnLayout.PROGRESS_SHEET, row("单位代码", "A01", "单位名称", "区财政局"), row("报送期次", "2024-03"),
                    row("任务编号", "进展情况"), row("1-1", "推进中"));
            w.sheet("说明", row("单位代码", "A01"), row("单位名称", "财政局"));
        });

        ReadOutcome.Refused refused = refused(file);

        assertThat(refused.rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.unitClues()).containsExactly("A01", "区财政局", "财政局");
    }

    @Test
    void aReturnRefusedAfterItWasOpenedTellsItsUnitFromWhatWasReadBeforehand() throws IOException {
        Object[][] top = {row("单位代码", "A01"), row("单位名称", "区财政局"), row("报送期次", "2024-03"), row("任务编号", "整改状态")};
        Path tooLong = TestWorkbooks.xlsx(dir.resolve("long.xlsx"), w -> w.sheet(ReturnLayout.PROGRESS_SHEET,
                top[0], top[1], top[2], top[3], row("1-1", "推进中"), row("1-2", "推进中"), row("1-3", "推进中")));
        Path outOfOrder = new RawXlsx().sheet(ReturnLayout.PROGRESS_SHEET, out -> {
            RawXlsx.rows(top).write(out);
            out.write(RawXlsx.row(9, "1-1", "推进中") + RawXlsx.row(5, "1-2", "推进中"));
        }).write(dir.resolve("order.xlsx"));

        ReadOutcome.Refused overLimit = TestWorkbooks.refused(new ReturnReader(new ReadLimits(20L << 20, 6,
                Duration.ofSeconds(60), 25L << 20, 0.01, 1000)), tooLong);
        ReadOutcome.Refused damaged = refused(outOfOrder);

        assertThat(overLimit.message()).contains("读取行数上限");
        assertThat(overLimit.unitClues()).containsExactly("A01", "区财政局");
        assertThat(damaged.message()).contains("行顺序错乱");
        assertThat(damaged.unitClues()).containsExactly("A01", "区财政局");
    }
}
