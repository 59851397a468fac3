package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import io.rectify.ReceiptFiles;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.marking.ReturnMarker;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import io.rectify.scoring.Scoring;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The receipts of the {@link ReconciledFixture} district as each unit reads them: its first page says
 * what to do by when, then what was taken; every sheet has content and prints on A4 at 9 pt or more.
 */
class ReceiptWorkbookTest extends MarchReports {

    @Autowired
    ReturnMarker marker;
    @Autowired
    Scoring scoring;

    private static final String DEFAULT_ISSUER = "区委巡视整改工作领导小组办公室";

    @Test
    void aRejectedReturnComesFirstToBeSentAgainByThePeriodsDueDate() throws IOException {
        List<List<String>> page = firstPage("U03");

        assertThat(items(page)).containsExactly(
                List.of("1. 报送表未采纳", "本期报送的文件“U03/教育局.xlsx”未采纳，原因：报送期次应为2024-03，请改正后重新报送。"
                        + "牵头任务2条状态沿用此前报送。", "改正后重新报送", "2024年4月5日前"),
                List.of("2. 逾期未完成", "任务T04“开展专项督查”（完成时限2024年3月15日前）：完成时限2024-03-15已过仍未完成，请加快整改。",
                        "加快整改，在下次报送时报告进展", "2024年4月5日前"));
        assertThat(indexOf(page, "事项")).as("what to do comes before what was taken").isLessThan(indexOf(page, "接收情况"));
    }

    @Test
    void pastThePeriodsDueDateARejectedReturnIsSentAgainWithTheNextReturn() throws IOException {
        writer.write(consolidator.consolidate(MARCH, LocalDate.of(2024, 4, 8)), output);

        List<String> first = items(firstPage("U03")).get(0);
        assertThat(first).containsExactly("1. 报送表未采纳", first.get(1), "改正后重新报送", "2024年5月5日前（本期截止日已过，随下次报送）");
    }

    @Test
    void longAfterTheDueDateEveryDeadlineIsTheFirstReturnDueAfterTheAsOfDay() throws IOException {
        Consolidation september = consolidator.consolidate(MARCH, LocalDate.of(2024, 9, 30));

        assertThat(items(firstPage(september, "U03"))).extracting(item -> item.get(3))
                .containsOnly("2024年10月5日前（本期截止日已过，随下次报送）");
        assertThat(items(firstPage(september, "U01"))).extracting(item -> item.get(3)).doesNotContain("2024年5月5日前（下次报送）")
                .contains("2024年10月5日前（下次报送）");
    }

    @Test
    void noticesThatAskSomethingAreListedApartWithoutADeadline() throws IOException {
        ReconciledFixture fixture = new ReconciledFixture(jdbc);
        fixture.exception(MARCH, 100, "completed-late", "第一督查组", "U01", "区发改委", "P01", "T01",
                null, null, null, null, null, "任务T01完成日期晚于完成时限，属超期完成");
        fixture.exception(MARCH, 101, "duplicate-institution", "第一督查组", "U01", "区发改委", null, null,
                "U01/区发改委.xlsx", "制度建设", 3, "A", "某制度", "制度“某制度”区财政局也已报送，请与其核实由谁报送");

        List<List<String>> page = firstPage(consolidator.consolidate(MARCH, AS_OF), "U01");

        assertThat(items(page)).extracting(item -> item.get(0)).noneMatch(kind -> kind.contains("超期完成"));
        List<String> lines = page.stream().map(row -> row.get(0)).toList();
        int part = lines.indexOf("请知悉、核实（提示，不设办理期限）：");
        assertThat(part).isPositive();
        assertThat(lines.get(part + 1)).isEqualTo("1. 制度重复报送：第3行A列：制度“某制度”区财政局也已报送，请与其核实由谁报送。"
                + "请与报送该制度的单位核实，由一个单位报送。");
        assertThat(lines.get(part + 2)).startsWith("2. 超期完成：").endsWith("请在下次报送时于进展情况中说明超期原因。");
    }

    @Test
    void aTaskDueOnTheAsOfDayIsDueToday() throws IOException {
        List<List<String>> items = items(firstPage(consolidator.consolidate(MARCH, LocalDate.of(2024, 4, 10)), "U01"));

        assertThat(items.get(0)).startsWith("1. 即将到期").endsWith("今日（2024年4月10日）");
    }

    @Test
    void aTaskDueSoonIsToBeDoneByItsOwnDeadlineAndCorrectionsGoWithTheNextReturn() throws IOException {
        List<List<String>> items = items(firstPage("U01"));

        assertThat(items).extracting(item -> item.get(0)).containsExactly("1. 即将到期", "2. 任务未填报",
                "3. 台账字段被修改（7条）");
        assertThat(items.get(0)).containsExactly("1. 即将到期",
                "任务T03“编制产业地图”（完成时限2024-04-10）：完成时限2024-04-10将至，请抓紧推进。", "在完成时限前完成整改",
                "2024年4月10日前");
        assertThat(items.get(1).subList(1, 4)).containsExactly("报送表中缺少牵头任务T01，请补报。", "在下次报送时补充",
                "2024年5月5日前（下次报送）");
        assertThat(items.get(2).subList(1, 4)).containsExactly("任务T03，第6行D列。详见“需整改事项”表。",
                "在下次报送时恢复为台账内容", "2024年5月5日前（下次报送）");
    }

    @Test
    void aUnitWithNothingToDoIsToldSoInOneLineAndGetsNoEmptySheet() throws IOException {
        List<List<String>> page = firstPage("U04");

        assertThat(page.get(indexOf(page, "一、需要办理的事项") + 1).get(0))
                .isEqualTo("本期无需办理的事项。本单位无牵头任务，本期无需报送。");
        assertThat(indexOf(page, "事项")).as("no table of things to do").isEqualTo(-1);
        try (XSSFWorkbook u04 = receipt("U04")) {
            assertThat(sheetNames(u04)).containsExactly("回执");
        }
    }

    @Test
    void noSheetOfAnyReceiptIsEmptyAndTheFirstPageSaysWhatIsLeftOut() throws IOException {
        for (Path receipt : receipts()) {
            try (XSSFWorkbook workbook = read(receipt)) {
                for (Sheet sheet : workbook) {
                    assertThat(sheet.getLastRowNum()).as(receipt.getFileName() + " " + sheet.getSheetName()).isPositive();
                }
            }
        }
        try (XSSFWorkbook u02 = receipt("U02")) {
            assertThat(sheetNames(u02)).containsExactly("回执", "任务情况", "制度建设", "问责情况", "需整改事项");
        }
        assertThat(valueOf(firstPage("U04"), "制度建设")).isEqualTo("无计入汇总的制度");
        assertThat(valueOf(firstPage("U04"), "问责情况")).isEqualTo("无计入汇总的问责情况");
    }

    @Test
    void everySheetPrintsOnA4AtNinePointsOrMoreWithTheTaskListsUnitTextsLeftOffPaper() throws IOException {
        for (Path receipt : receipts()) {
            try (XSSFWorkbook workbook = read(receipt)) {
                for (Sheet sheet : workbook) {
                    String name = receipt.getFileName() + " " + sheet.getSheetName();
                    assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                    assertThat(PrintedSize.smallestFontPoints(sheet)).as(name).isGreaterThanOrEqualTo(9);
                }
            }
        }
        try (XSSFWorkbook u01 = receipt("U01")) {
            Sheet tasks = u01.getSheet("任务情况");
            CellRangeAddress printed = PrintedSize.printArea(tasks);
            assertThat(texts(tasks.getRow(0)).subList(printed.getFirstColumn(), printed.getLastColumn() + 1))
                    .containsExactly("任务编号", "整改措施", "完成时限", "责任类型", "本期填报状态", "汇总状态", "销号", "状态来源", "提醒",
                            "未采纳原因");
            assertThat(u01.getSheet("回执").getPrintSetup().getLandscape()).as("the first page is portrait").isFalse();
        }
    }

    @Test
    void theReceiptNamesItsIssuerAndIsDatedNoEarlierThanTheReturnItAcknowledges() throws IOException {
        List<List<String>> page = firstPage("U02");

        assertThat(page.get(page.size() - 2).get(0)).isEqualTo(DEFAULT_ISSUER);
        assertThat(page.get(page.size() - 1).get(0)).as("as of 2024-03-31, its return sent 2024-04-08").isEqualTo("2024年4月8日");
        List<List<String>> u04 = firstPage("U04");
        assertThat(u04.get(u04.size() - 1).get(0)).as("nothing received: the as-of day").isEqualTo("2024年3月31日");
    }

    @Test
    void theIssuerIsTheConfiguredOne() throws IOException {
        RectifyProperties properties = new RectifyProperties(null, null, null, 15, 30, 5, 60, null, "区纪委监委办公室", RectifyProperties.CompletedMeans.REPORTED, 0.10);

        new ReportWriter(marker, scoring, properties).write(consolidator.consolidate(MARCH, AS_OF), output);

        assertThat(allTexts(firstPage("U02"))).contains("区纪委监委办公室").doesNotContain(DEFAULT_ISSUER);
    }

    @Test
    void theMarkedCopyIsNamedOnTheFirstPageWhenThereIsOne() throws IOException {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);
        UnitReceipt u02 = march.receipts().get(1);
        Path marked = root.resolve("marked/U02-回执.xlsx");
        Files.createDirectories(marked.getParent());

        ReceiptWorkbook.write(march, u02, DEFAULT_ISSUER, "U02-区财政局-2024-03-标注.xlsx", SkippedNotice.of(march), marked);

        assertThat(allTexts(firstPage(marked)))
                .contains("已在“U02-区财政局-2024-03-标注.xlsx”中逐格标注需要更正之处，请在该文件上修改后报送。");
        assertThat(allTexts(firstPage("U02"))).noneMatch(text -> text.contains("标注"));
    }

    @Test
    void aCopyMarkedOnlyWithARefusedExtensionAsksForNoCorrection() throws IOException {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);
        UnitReceipt u02 = march.receipts().get(1);
        ExceptionEntry late = u02.exceptions().get(0);
        ExceptionEntry refused = new ExceptionEntry(Rule.EXTENSION_REFUSED, late.group(), late.unitCode(), late.unitName(),
                "P02", "T02", late.file(), "延期申请", 3, "D", "2024-09-30", "任务“T02”申请延期至2024年9月30日，未获批准");
        UnitReceipt warningsOnly = new UnitReceipt(u02.unit(), u02.files(), u02.tasks(), u02.institutions(),
                u02.accountability(), List.of(refused), u02.deadlines());
        Path marked = root.resolve("marked/U02-回执.xlsx");
        Files.createDirectories(marked.getParent());

        ReceiptWorkbook.write(march, warningsOnly, DEFAULT_ISSUER, "U02-区财政局-2024-03-标注.xlsx", SkippedNotice.of(march), marked);

        assertThat(allTexts(firstPage(marked))).contains("已在“U02-区财政局-2024-03-标注.xlsx”中逐格标注本期的提示，请知悉。")
                .noneMatch(text -> text.contains("需要更正之处"));
    }

    /** The items of the first page's table of things to do, each as its four texts. */
    private static List<List<String>> items(List<List<String>> page) {
        List<List<String>> items = new ArrayList<>();
        for (int r = indexOf(page, "事项") + 1; r > 0 && r < page.size() && page.get(r).get(0).matches("\\d+\\. .*"); r++) {
            items.add(page.get(r).subList(0, 4));
        }
        return items;
    }

    private static int indexOf(List<List<String>> page, String first) {
        for (int r = 0; r < page.size(); r++) {
            if (page.get(r).get(0).equals(first)) {
                return r;
            }
        }
        return -1;
    }

    private static String valueOf(List<List<String>> page, String label) {
        return page.get(indexOf(page, label)).get(1);
    }

    private static List<String> allTexts(List<List<String>> page) {
        return page.stream().flatMap(List::stream).toList();
    }

    /** The first page of one unit's receipt of {@code c}, written alone. */
    private List<List<String>> firstPage(Consolidation c, String unit) throws IOException {
        UnitReceipt receipt = c.receipts().stream().filter(r -> r.unit().unit().code().equals(unit)).findFirst().orElseThrow();
        Path file = root.resolve("alone").resolve(ReportWriter.receiptFile(receipt.unit().unit(), c.period()));
        Files.createDirectories(file.getParent());
        ReceiptWorkbook.write(c, receipt, DEFAULT_ISSUER, null, SkippedNotice.of(c), file);
        return firstPage(file);
    }

    private List<List<String>> firstPage(String unit) throws IOException {
        return firstPage(ReceiptFiles.receipt(output.resolve("2024-03"), unit));
    }

    /** The first sheet's rows as texts, four cells each. */
    private static List<List<String>> firstPage(Path receipt) throws IOException {
        try (XSSFWorkbook workbook = read(receipt)) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> texts = texts(row);
                while (texts.size() < 4) {
                    texts.add("");
                }
                rows.add(texts);
            }
            return rows;
        }
    }

    private List<Path> receipts() throws IOException {
        try (Stream<Path> files = Files.list(output.resolve("2024-03/回执"))) {
            return files.sorted().toList();
        }
    }

    private XSSFWorkbook receipt(String unit) throws IOException {
        return read(ReceiptFiles.receipt(output.resolve("2024-03"), unit));
    }
}
