package io.rectify.intake;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.intake.ReviewWorkbook.Kind;
import io.rectify.rule.Rule;
import io.rectify.workbook.ExcelDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewReaderTest {

    @TempDir
    Path dir;

    private final ReviewReader reader = new ReviewReader(ReadLimits.DEFAULTS);

    private ReviewWorkbook readOk(Path file) throws IOException {
        return readOk(file, file.getFileName().toString());
    }

    private ReviewWorkbook readOk(Path file, String relative) throws IOException {
        ReviewOutcome outcome = reader.read(found(file, relative));
        assertThat(outcome).as("outcome of %s", file).isInstanceOf(ReviewOutcome.Read.class);
        return ((ReviewOutcome.Read) outcome).workbook();
    }

    private ReviewOutcome.Refused refused(ReviewReader reader, Path file, String relative) throws IOException {
        ReviewOutcome outcome = reader.read(found(file, relative));
        assertThat(outcome).as("outcome of %s", file).isInstanceOf(ReviewOutcome.Refused.class);
        return (ReviewOutcome.Refused) outcome;
    }

    private ReviewOutcome.Refused refused(Path file) throws IOException {
        return refused(reader, file, file.getFileName().toString());
    }

    private static FoundFile found(Path file, String relative) throws IOException {
        FoundFile found = TestWorkbooks.found(file);
        return new FoundFile(file, relative, found.size(), found.sha256(), found.modifiedAt());
    }

    /** A filled 销号审核表 as supervisors return it: title, metadata block, both tables, a merged decision, a footer. */
    private static void filledSignOff(TestWorkbooks.Writer w) {
        Sheet signOff = w.sheet(ReviewLayout.SIGN_OFF_SHEET,
                row("第一督查组销号审核表"),
                row("督查组", "第一督查组", null, "审核期次", "2024年3月"),
                row("审核人：", "王五", null, "审核日期", LocalDate.of(2024, 4, 8)),
                row(),
                row("序号", "措施编号", "牵头单位", "整改措施", "完成日期", "佐证材料", "结论", "意见"),
                row(1, "1-1", "区财政局", "制定方案", LocalDate.of(2024, 3, 15), "区财〔2024〕3号", "同意销号"),
                row(2, "1-2", "区财政局", "建立台账", LocalDate.of(2024, 3, 20), "台账", null),
                row(3, "2-1", "区教育局", "开展培训", LocalDate.of(2024, 3, 1), "通知", "退回", "佐证材料不全"));
        signOff.addMergedRegion(new CellRangeAddress(5, 6, 6, 6));
        w.sheet(" 回头看 ",
                row("回头看"),
                row("序号", "类别", "任务编号", "销号期次", "本期状态", "复核结论", "复核意见"),
                row(1, "抽查", "3-1", "2024-02", "已完成", "属实"),
                row(2, "整改反弹", "3-2", "2024-02", "推进中"),
                row("审核人：赵六"));
    }

    private static void marker(TestWorkbooks.Writer w, Map<String, String> values) {
        Sheet marker = w.sheet(TemplateMarker.SHEET, values.entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue())).toArray(Object[][]::new));
        w.workbook().setSheetVisibility(w.workbook().getSheetIndex(marker), SheetVisibility.VERY_HIDDEN);
    }

    @Test
    void aSignOffWorkbookGivesItsMetadataAndTheRowsOfBothTablesByColumnName() throws IOException {
        ReviewWorkbook read = readOk(TestWorkbooks.xlsx(dir.resolve("审核.xlsx"), ReviewReaderTest::filledSignOff));

        assertThat(read.file()).isEqualTo("审核.xlsx");
        assertThat(read.kind()).isEqualTo(Kind.SIGN_OFF);
        assertThat(read.metadataSheet()).isEqualTo(ReviewLayout.SIGN_OFF_SHEET);
        assertThat(read.field(ReviewLayout.GROUP_LABEL).orElseThrow()).extracting(MetadataField::text, MetadataField::row,
                MetadataField::column).containsExactly("第一督查组", 2, "B");
        assertThat(read.field(ReviewLayout.PERIOD_LABEL).orElseThrow().text()).isEqualTo("2024年3月");
        assertThat(read.field(ReviewLayout.REVIEWER).orElseThrow().text()).isEqualTo("王五");
        assertThat(ExcelDates.date(read.field(ReviewLayout.REVIEWED_ON).orElseThrow().cell())).contains(LocalDate.of(2024, 4, 8));
        assertThat(read.metadata()).doesNotContainKey(ReviewLayout.EXTENSION_PERIOD_LABEL);

        SheetTable signOff = read.signOff().orElseThrow();
        assertThat(signOff.letter(ReviewLayout.TASK_CODE)).isEqualTo("B");
        assertThat(signOff.letter(ReviewLayout.DECISION)).isEqualTo("G");
        assertThat(signOff.letter(ReviewLayout.LEAD_UNIT)).isEqualTo("C");
        assertThat(signOff.rows()).extracting(TableRow::row).containsExactly(6, 7, 8);
        assertThat(signOff.rows()).extracting(r -> r.text(ReviewLayout.DECISION)).as("a decision merged down two rows is each row's")
                .containsExactly("同意销号", "同意销号", "退回");
        assertThat(signOff.rows().get(2).text(ReviewLayout.OPINION)).isEqualTo("佐证材料不全");

        SheetTable recheck = read.recheck().orElseThrow();
        assertThat(recheck.sheet()).isEqualTo(" 回头看 ");
        assertThat(recheck.rows()).as("the footer 审核人：赵六 is no row to review").extracting(TableRow::row).containsExactly(3, 4);
        assertThat(recheck.rows()).extracting(r -> r.text(ReviewLayout.RECHECK_REASON), r -> r.text(ReviewLayout.RECHECK_DECISION))
                .containsExactly(tuple("抽查", "属实"), tuple("整改反弹", ""));
        assertThat(read.extension()).isEmpty();
        assertThat(read.marker()).isEmpty();
    }

    @Test
    void theMarkerTellsTheKindBeforeTheSheetsDo() throws IOException {
        Path recheckOnly = TestWorkbooks.xlsx(dir.resolve("回头看.xlsx"), w -> {
            w.sheet(ReviewLayout.RECHECK_SHEET, row("督查组", "第二督查组"), row("审核期次", "2024-03"),
                    row("任务编号", "复核结论"), row("3-1", "不属实"));
            marker(w, Map.of(ReviewLayout.KIND, ReviewLayout.SIGN_OFF_KIND, TemplateMarker.PERIOD, "2024-03",
                    ReviewLayout.GROUP, "第二督查组", TemplateMarker.LEDGER_VERSION, "ab12"));
        });
        Path markedSignOffWithExtensionSheet = TestWorkbooks.xlsx(dir.resolve("marked.xlsx"), w -> {
            w.sheet(ReviewLayout.EXTENSION_SHEET, row("任务编号", "审批结论"), row("1-1", "批准"));
            marker(w, Map.of(ReviewLayout.KIND, ReviewLayout.SIGN_OFF_KIND));
        });
        Path unmarkedExtension = TestWorkbooks.xlsx(dir.resolve("unmarked.xlsx"), w -> {
            w.sheet("说明", row("x"));
            w.sheet(ReviewLayout.EXTENSION_SHEET, row("任务编号", "审批结论"), row("1-1", "批准"));
        });

        ReviewWorkbook byMarker = readOk(recheckOnly);
        assertThat(byMarker.kind()).isEqualTo(Kind.SIGN_OFF);
        assertThat(byMarker.metadataSheet()).isEqualTo(ReviewLayout.RECHECK_SHEET);
        assertThat(byMarker.field(ReviewLayout.GROUP_LABEL).orElseThrow().text()).isEqualTo("第二督查组");
        assertThat(byMarker.signOff()).isEmpty();
        assertThat(byMarker.recheck().orElseThrow().rows()).extracting(r -> r.text(ReviewLayout.RECHECK_DECISION)).containsExactly("不属实");
        assertThat(byMarker.marker()).containsEntry(ReviewLayout.GROUP, "第二督查组").containsEntry(TemplateMarker.LEDGER_VERSION, "ab12");

        ReviewOutcome.Refused marked = refused(markedSignOffWithExtensionSheet);
        assertThat(marked.refusal().rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(marked.refusal().message()).contains("未找到工作表“销号审核”或“回头看”", "本文件的工作表：延期审批");

        assertThat(readOk(unmarkedExtension).kind()).isEqualTo(Kind.EXTENSION);
    }

    @Test
    void anExtensionWorkbookSavedAsXlsGivesItsApproverAndDecisions() throws IOException {
        Path file = TestWorkbooks.xls(dir.resolve("延期审批表.xls"), w -> w.sheet("延期 审批",
                row("延期审批表"),
                row("审批期次", "2024-03", null, "审批人", "整改办 李四"),
                row("审批日期：2024年4月9日"),
                row("序号", "任务编号", "原完成时限", "现完成时限", "申请延期至", "延期理由", "审批结论", "批准延期至", "审批意见"),
                row(1, "1-2", "2024年6月前", "2024年6月前", LocalDate.of(2024, 9, 30), "需上级批复", "批准", LocalDate.of(2024, 8, 31)),
                row(2, "2-1", "2024年3月底前", "2024年3月底前", LocalDate.of(2024, 12, 31), "资金未到位", "不批准", null, "理由不充分")));

        ReviewWorkbook read = readOk(file);

        assertThat(read.kind()).isEqualTo(Kind.EXTENSION);
        assertThat(read.metadataSheet()).isEqualTo("延期 审批");
        assertThat(read.field(ReviewLayout.APPROVER).orElseThrow().text()).isEqualTo("整改办 李四");
        assertThat(read.field(ReviewLayout.APPROVED_ON).orElseThrow()).extracting(MetadataField::text, MetadataField::column)
                .containsExactly("2024年4月9日", "A");
        assertThat(read.field(ReviewLayout.EXTENSION_PERIOD_LABEL).orElseThrow().text()).isEqualTo("2024-03");
        SheetTable extension = read.extension().orElseThrow();
        assertThat(extension.rows()).extracting(r -> r.text(ReviewLayout.EXTENSION_DECISION)).containsExactly("批准", "不批准");
        assertThat(ExcelDates.date(extension.rows().get(0).cell(ReviewLayout.GRANTED_TO).orElseThrow())).contains(LocalDate.of(2024, 8, 31));
        assertThat(extension.rows().get(1).text(ReviewLayout.EXTENSION_OPINION)).isEqualTo("理由不充分");
        assertThat(read.signOff()).isEmpty();
        assertThat(read.recheck()).isEmpty();
    }

    @Test
    void aSheetThatOnlySaysThereIsNothingToReviewIsAnEmptyTable() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("empty.xlsx"), w -> {
            w.sheet(ReviewLayout.SIGN_OFF_SHEET, row("督查组", "第三督查组"), row("审核期次", "2024-03"),
                    row("本期没有待销号的任务"));
            w.sheet(ReviewLayout.RECHECK_SHEET);
        });

        ReviewWorkbook read = readOk(file);

        assertThat(read.signOff().orElseThrow().rows()).isEmpty();
        assertThat(read.recheck().orElseThrow().rows()).isEmpty();
        assertThat(read.field(ReviewLayout.GROUP_LABEL).orElseThrow().text()).isEqualTo("第三督查组");
    }

    @Test
    void aWorkbookWithNoReviewSheetIsReviewMismatchNamingItsSheetsAndWhatAReviewWorkbookHolds() throws IOException {
        Path plain = TestWorkbooks.xlsx(dir.resolve("第五督查组意见.xlsx"), w -> {
            w.sheet("Sheet1", row("督查组：第四督查组"), row("任务编号", "审核结论"), row("1-1", "同意销号"));
            w.sheet("汇总", row("x"));
        });
        Path unitReturn = TestWorkbooks.xlsx(dir.resolve("A01.xlsx"), TestWorkbooks::typicalReturn);

        ReviewOutcome.Refused refused = refused(plain);
        ReviewOutcome.Refused misplaced = refused(unitReturn);

        assertThat(refused.refusal().rule()).isEqualTo(Rule.REVIEW_MISMATCH);
        assertThat(refused.refusal().value()).isEqualTo("Sheet1、汇总");
        assertThat(refused.refusal().message()).contains("本文件的工作表：Sheet1、汇总", "“销号审核”“回头看”或“延期审批”", "销号审核表", "延期审批表")
                .doesNotContain("报送表");
        assertThat(refused.refusal().unitClues()).isEmpty();
        assertThat(refused.groupClue()).as("a 督查组 label on any sheet before the file name").contains("第四督查组");
        assertThat(misplaced.refusal().rule()).isEqualTo(Rule.REVIEW_MISMATCH);
        assertThat(misplaced.refusal().message()).contains("这是单位的整改进展报送表，应放入报送文件夹");
        assertThat(misplaced.groupClue()).isEmpty();
    }

    @Test
    void tablesWithoutTheirRequiredColumnsAreTemplateMismatchNamingEverythingMissingAtOnce() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("第五督查组-销号审核表.xlsx"), w -> {
            w.sheet(ReviewLayout.SIGN_OFF_SHEET, row("督查组", "第一督查组"), row("审核期次", "2024-03"),
                    row("序号", "任务编号", "审核意见"), row(1, "1-1", "同意"));
            w.sheet(ReviewLayout.RECHECK_SHEET, row("序号", "类别", "结论"), row(1, "抽查", "属实"));
        });

        ReviewOutcome.Refused refused = refused(file);

        assertThat(refused.refusal().rule()).isEqualTo(Rule.TEMPLATE_MISMATCH);
        assertThat(refused.refusal().sheet()).isEqualTo(ReviewLayout.SIGN_OFF_SHEET);
        assertThat(refused.refusal().row()).isEqualTo(3);
        assertThat(refused.refusal().message()).contains("工作表“销号审核”", "缺少“审核结论”；", "“审核结论”（或“结论”）",
                "工作表“回头看”", "缺少“任务编号”；");
        assertThat(refused.groupClue()).as("the 督查组 written in it before its file name").contains("第一督查组");
    }

    @Test
    void encryptedDamagedAndOverLimitFilesAreRefusedWithTheRulesAndMessagesOfReturns() throws IOException {
        ReturnReader returns = new ReturnReader();
        Path encrypted = HostileFiles.encrypted(dir.resolve("第二督查组-销号审核表.xlsx"), ReviewReaderTest::filledSignOff);
        Path truncated = HostileFiles.truncated(dir.resolve("truncated.xlsx"), ReviewReaderTest::filledSignOff);
        Path notAWorkbook = HostileFiles.pdf(dir.resolve("审核.xlsx"));
        ReadLimits fewRows = new ReadLimits(20L << 20, 5, Duration.ofSeconds(60), 25L << 20, 0.01, 1000);
        Path long_ = TestWorkbooks.xlsx(dir.resolve("long.xlsx"), ReviewReaderTest::filledSignOff);

        for (Path file : new Path[] {encrypted, truncated, notAWorkbook}) {
            ReadOutcome.Refused asReturn = TestWorkbooks.refused(returns, file);
            assertThat(refused(file).refusal()).as(file.toString()).isEqualTo(asReturn);
        }
        assertThat(refused(encrypted).refusal().rule()).isEqualTo(Rule.FILE_ENCRYPTED);
        assertThat(refused(encrypted).groupClue()).contains("第二督查组");
        assertThat(refused(truncated).refusal().rule()).isEqualTo(Rule.FILE_UNREADABLE);

        ReviewOutcome.Refused overRows = refused(new ReviewReader(fewRows), long_, "第三督查组/long.xlsx");
        assertThat(overRows.refusal().rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(overRows.refusal().message()).contains("读取行数上限");
        assertThat(overRows.groupClue()).as("the 督查组 read before the limit was met").contains("第一督查组");

        ReadLimits small = new ReadLimits(1024, 10_000, Duration.ofSeconds(60), 25L << 20, 0.01, 1000);
        ReviewReader smallReader = new ReviewReader(small);
        assertThat(smallReader.withinSizeLimit(found(long_, "long.xlsx"))).isFalse();
        ReviewOutcome.Refused tooLarge = refused(smallReader, long_, "第三督查组/long.xlsx");
        assertThat(tooLarge.refusal().message()).contains("文件大小上限");
        assertThat(tooLarge.groupClue()).contains("第三督查组");
    }

    @Test
    void aWorkbookRemovedAfterTheScanIsRefusedAsGoneNotAsDamaged() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("第一督查组-销号审核表.xlsx"), ReviewReaderTest::filledSignOff);
        FoundFile scanned = found(file, "第一督查组-销号审核表.xlsx");
        Files.delete(file);

        ReviewOutcome.Refused gone = (ReviewOutcome.Refused) reader.read(scanned);

        assertThat(gone.refusal().rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(gone.refusal().message()).startsWith("文件在扫描后已被移走或删除，本次未读取");
        assertThat(gone.groupClue()).contains("第一督查组");
    }

    @Test
    void theGroupOfARefusedWorkbookComesFromItsMarkerWhenItsMetadataBlockHasNone() throws IOException {
        Path file = TestWorkbooks.xlsx(dir.resolve("第一督查组-销号审核表.xlsx"), w -> {
            w.sheet(ReviewLayout.SIGN_OFF_SHEET, row("审核期次", "2024-03"), row("任务编号", "意见"), row("1-1", "x"));
            marker(w, Map.of(ReviewLayout.KIND, ReviewLayout.SIGN_OFF_KIND, ReviewLayout.GROUP, "第二督查组"));
        });

        assertThat(refused(file).groupClue()).contains("第二督查组");
    }

    @Test
    void theGroupOfAFileIsFoundInItsNameThenItsFolders() {
        assertThat(GroupClues.inPath("第一督查组-销号审核表.xlsx")).contains("第一督查组");
        assertThat(GroupClues.inPath("备份/区委巡察一组-销号审核表(1).xlsx")).contains("区委巡察一组");
        assertThat(GroupClues.inPath("2024年3月第二督查组销号审核表.xlsx")).contains("第二督查组");
        assertThat(GroupClues.inPath("审核 第三组 已填.xls")).contains("第三组");
        assertThat(GroupClues.inPath("第四督查组/3月/审核表.xlsx")).contains("第四督查组");
        assertThat(GroupClues.inPath("督查组/审核表.xlsx")).isEmpty();
        assertThat(GroupClues.inPath("延期审批表.xlsx")).isEmpty();
    }
}
