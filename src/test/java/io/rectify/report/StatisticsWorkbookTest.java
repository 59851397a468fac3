package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.FEBRUARY;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.PrintedSize;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.consolidate.GroupFigures;
import io.rectify.consolidate.PeriodFigures;
import io.rectify.consolidate.TaskCount;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.consolidate.ProblemFigures;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.consolidate.UnitFigures;
import io.rectify.ledger.Unit;
import io.rectify.scoring.Scoring;
import io.rectify.standing.Standings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StatisticsWorkbookTest extends ConsolidatedMarch {

    @Autowired
    Scoring scoring;

    private static final DataFormatter FORMAT = new DataFormatter();

    Consolidation march;

    @BeforeEach
    void consolidateMarch() {
        march = march();
    }

    @Test
    void theLeaderSummaryIsTheFirstSheetAndTheOthersKeepTheirOrder() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));

            assertThat(names.get(0)).isEqualTo("领导摘要");
            assertThat(names).containsSubsequence("领导摘要", "总体情况", "按方面", "按反馈问题", "按问题", "按单位", "按督查组",
                    "报送情况", "制度建设", "问责情况", "趋势");
        }
    }

    @Test
    void theLeaderSummaryNamesWhatMustBeActedOnBeforeTheFigures() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            List<List<String>> rows = rows(workbook.getSheet("领导摘要"));

            assertThat(firstCells(rows)).containsSubsequence("一、逾期未完成的整改措施1条，按督查组",
                    "二、未报送或报送未采纳的单位1个", "三、进度最滞后的3个单位（全部排名见“按单位”）", "四、尚未完成整改的问题2项",
                    "五、主要指标（共3项问题、5条整改措施）");
            assertThat(rows).contains(List.of("第二督查组", "", "", "1", "区教育局（T04）", "", ""));
            assertThat(rows).contains(List.of("U03 区教育局", "", "", "第二督查组", "报送未采纳（报送期次不符），状态沿用此前报送", "", ""));
            assertThat(rows).contains(
                    List.of("1", "红", "区教育局", "第二督查组", "0.0%（沿用）", "本期报送未采纳，状态沿用此前报送；逾期未完成1条", ""),
                    List.of("2", "黄", "区发改委", "第一督查组", "50.0%", "即将到期1条", ""),
                    List.of("3", "黄", "区财政局", "第一督查组", "100.0%", "逾期报送", ""));
            assertThat(rows).containsSubsequence(
                    List.of("P03", "", "主体责任落实不到位", "", "", "", "措施完成0/2条；逾期未完成1条"),
                    List.of("P02", "", "产业转型欠缺", "", "", "", "措施完成0/1条；即将到期1条"));
            assertThat(rows).noneMatch(row -> row.contains("区民政局")).noneMatch(row -> row.contains("P01"));
        }
    }

    @Test
    void theOverdueListSaysOverdueUnfinishedAndSeparatesUnitsWithoutTouchingTheirNames() throws IOException {
        List<ExceptionEntry> exceptions = new ArrayList<>(march.exceptions());
        exceptions.add(new ExceptionEntry(Rule.OVERDUE, ReconciledFixture.G2, "U09", "区委（一）、（二）办", "P03", "T09",
                null, null, null, null, "2024-03-15", "完成时限已过仍未完成，请加快整改。"));

        try (XSSFWorkbook workbook = write(with(march, march.byProblem(), march.byUnit(), march.byGroup(), exceptions,
                march.trend()))) {
            List<List<String>> rows = rows(workbook.getSheet("领导摘要"));

            assertThat(rows).contains(List.of("督查组", "", "", "逾期未完成（条）", "涉及单位（措施编号）", "", ""));
            assertThat(rows).anyMatch(row -> row.contains("区教育局（T04）；区委（一）、（二）办（T09）"));
        }
    }

    @Test
    void groupsAreSortedWorstFirstAsUnitsAre() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            Sheet groups = workbook.getSheet("按督查组");

            assertThat(IntStream.rangeClosed(1, 2).mapToObj(r -> texts(groups.getRow(r))))
                    .extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2))
                    .containsExactly(tuple("1", "红", ReconciledFixture.G2), tuple("2", "黄", ReconciledFixture.G1));
        }
    }

    @Test
    void aGroupNamedLikeAFixedSheetLeavesTheFixedSheetItsName() throws IOException {
        List<UnitFigures> units = march.byUnit().stream().map(u -> !u.unit().group().equals(ReconciledFixture.G1) ? u
                : new UnitFigures(new Unit(u.unit().code(), u.unit().name(), "按", null, null), u.expected(), u.accepted(),
                        u.rejected(), u.tasks())).toList();
        List<GroupFigures> groups = march.byGroup().stream().map(g -> !g.name().equals(ReconciledFixture.G1) ? g
                : new GroupFigures("按", g.units(), g.expected(), g.submitted(), g.tasks())).toList();

        try (XSSFWorkbook workbook = write(with(march, march.byProblem(), units, groups, march.exceptions(), march.trend()))) {
            assertThat(texts(workbook.getSheet("按单位").getRow(0))).startsWith("排名", "红绿灯", "单位代码");
            assertThat(sheetNames(workbook)).contains("按单位(2)").doesNotContain("按单位(3)");
            assertThat(workbook.getSheet("按单位(2)").getRow(0).getCell(0).getStringCellValue()).startsWith("按各单位整改情况");
        }
    }

    @Test
    void aLedgerWithoutGroupsOrUnitsWritesItsChartSheetSayingThereIsNoData() throws IOException {
        try (XSSFWorkbook workbook = write(with(march, march.byProblem(), List.of(), List.of(), march.exceptions(),
                march.trend()))) {
            List<String> cells = firstCells(rows(workbook.getSheet("图表")));

            assertThat(cells).contains("各督查组整改措施完成率：" + StatisticsCharts.NO_DATA);
            assertThat(workbook.getSheet("图表").getDrawingPatriarch().getCharts()).hasSize(2);
        }
    }

    @Test
    void theLeaderSummaryComparesTheHeadlineFiguresWithThePreviousPeriod() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            List<List<String>> rows = rows(workbook.getSheet("领导摘要"));

            assertThat(figures(rows)).contains(
                    List.of("已完成整改问题", "", "", "1", "0", "+1"),
                    List.of("问题整改率", "", "", "33.3%", "0.0%", "+33.3个百分点"),
                    List.of("措施完成率", "", "", "40.0%", "20.0%", "+20.0个百分点"),
                    List.of("逾期未完成", "", "", "1", "0", "+1"),
                    List.of("未报送单位", "", "", "1", "0", "+1"),
                    List.of("已报送单位", "", "", "2", "3", "-1"),
                    List.of("未采纳文件", "", "", "2", "0", "+2"));
            assertThat(firstCells(rows)).anyMatch(text -> text.contains("环比上期：2024年2月"));
        }
    }

    @Test
    void aFirstPeriodShowsNoChange() throws IOException {
        try (XSSFWorkbook workbook = write(consolidator.consolidate(FEBRUARY, FEBRUARY.atEndOfMonth()))) {
            List<List<String>> rows = rows(workbook.getSheet("领导摘要"));

            assertThat(figures(rows)).contains(List.of("已完成整改问题", "", "", "0", "—", "—"),
                    List.of("措施完成率", "", "", "20.0%", "—", "—"));
            assertThat(firstCells(rows)).noneMatch(text -> text.contains("环比上期"));
        }
    }

    @Test
    void aLongListShowsItsFirstRowsAndSaysWhichSheetHasThemAll() throws IOException {
        UnitFigures missing = march.byUnit().stream().filter(u -> u.unit().code().equals("U03")).findFirst().orElseThrow();
        List<UnitFigures> units = new ArrayList<>(march.byUnit());
        IntStream.rangeClosed(10, 21).forEach(n -> units.add(new UnitFigures(new Unit("U" + n, "区第" + n + "局",
                ReconciledFixture.G2, null, null), true, null, List.of(), missing.tasks())));

        try (XSSFWorkbook workbook = write(with(march, march.byProblem(), units))) {
            XSSFSheet summary = workbook.getSheet("领导摘要");
            List<List<String>> rows = rows(summary);

            // the lists are cut to as many rows as fit one page beside the figures, reported and signed off
            assertThat(firstCells(rows)).contains("二、未报送或报送未采纳的单位13个",
                    "共13个单位，此处列出前3个，全部见“报送情况”工作表。");
            assertThat(rows).filteredOn(row -> row.size() > 4 && (row.get(4).startsWith("未报送，状态沿用") || row.get(4).startsWith("报送未采纳")))
                    .hasSize(3);
            assertThat(PrintedSize.smallestFontPoints(summary)).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void whenEveryListIsLongTheListsAreCutShorterToKeepOnePageAtNinePoints() throws IOException {
        TaskCount behind = new TaskCount(2, 0, 2, 0, 1, 0, 0, 0);
        List<UnitFigures> units = new ArrayList<>();
        List<GroupFigures> groups = new ArrayList<>();
        List<ExceptionEntry> exceptions = new ArrayList<>();
        for (int g = 1; g <= 8; g++) {
            String group = "第" + g + "督查组";
            groups.add(new GroupFigures(group, 5, 5, 3, new TaskCount(10, 0, 10, 0, 5, 0, 0, 0)));
            for (int u = 1; u <= 5; u++) {
                String code = "U" + g + u;
                units.add(new UnitFigures(new Unit(code, "区第" + g + u + "委办局", group, null, null), true, null,
                        List.of(), behind));
                exceptions.add(new ExceptionEntry(Rule.OVERDUE, group, code, "区第" + g + u + "委办局", "Q1", "T" + g + u,
                        null, null, null, null, "2024-03-15", "完成时限已过仍未完成，请加快整改。"));
            }
        }
        List<ProblemFigures> problems = IntStream.rangeClosed(1, 12).mapToObj(n -> new ProblemFigures("Q" + n,
                "方面", "反馈问题", "问题描述很长很长，".repeat(9), behind)).toList();

        try (XSSFWorkbook workbook = write(with(march, problems, units, groups, exceptions, march.trend()))) {
            XSSFSheet summary = workbook.getSheet("领导摘要");
            List<String> firstCells = firstCells(rows(summary));

            assertThat(PrintedSize.smallestFontPoints(summary)).isGreaterThanOrEqualTo(9);
            assertThat(firstCells).anyMatch(text -> text.matches("共8个督查组，此处列出前[1-4]个，全部见“按督查组”工作表。"))
                    .anyMatch(text -> text.matches("共40个单位，此处列出前[1-4]个，全部见“报送情况”工作表。"))
                    .anyMatch(text -> text.matches("共12项问题，此处列出前[1-4]项，全部见“按问题”工作表。"));
        }
    }

    @Test
    void rankedTablesColourTheirLightColumnByConditionalFormattingOnly() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            assertThat(lightRules(workbook.getSheet("按单位"))).containsExactly(
                    tuple("B2:B5", "\"红\"", "FFC7CE"), tuple("B2:B5", "\"黄\"", "FFEB9C"), tuple("B2:B5", "\"绿\"", "C6EFCE"));
            assertThat(lightRules(workbook.getSheet("按督查组"))).extracting(t -> t.toList().get(0))
                    .containsOnly("B2:B3").hasSize(3);
            assertThat(lightRules(workbook.getSheet("按问题"))).extracting(t -> t.toList().get(0))
                    .containsOnly("B2:B8").hasSize(3);
            Sheet summary = workbook.getSheet("领导摘要");
            int firstBehind = rowIndex(summary, "1");
            assertThat(lightRules(workbook.getSheet("领导摘要"))).extracting(t -> t.toList().get(0))
                    .containsOnly("B" + (firstBehind + 1) + ":B" + (firstBehind + 3)).hasSize(3);
            for (String name : List.of("按单位", "按督查组", "按问题")) {
                Sheet sheet = workbook.getSheet(name);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("红绿灯");
                for (int r = 1; r < sheet.getLastRowNum(); r++) {
                    Cell light = sheet.getRow(r).getCell(1);
                    if (!light.getStringCellValue().isEmpty()) {
                        assertThat(light.getCellStyle().getFillPattern()).as(name + " row " + r).isEqualTo(FillPatternType.NO_FILL);
                    }
                }
            }
        }
    }

    @Test
    void unitsAreSortedWorstFirstWithRankLightAndReason() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            Sheet units = workbook.getSheet("按单位");

            assertThat(texts(units.getRow(0))).startsWith("排名", "红绿灯", "单位代码", "单位名称", "督查组", "本期报送")
                    .endsWith("完成率", "原因");
            assertThat(IntStream.rangeClosed(1, 4).mapToObj(r -> texts(units.getRow(r))))
                    .extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2), r -> r.get(5), r -> r.get(15))
                    .containsExactly(
                            tuple("1", "红", "U03", "未报送", "本期报送未采纳，状态沿用此前报送；逾期未完成1条"),
                            tuple("2", "黄", "U01", "已报送", "即将到期1条"),
                            tuple("3", "黄", "U02", "已报送", "逾期报送"),
                            tuple("4", "绿", "U04", "无需报送", ""));
            assertThat(texts(units.getRow(5))).startsWith("合计", "", "", "", "", "已报送 2/3", "5", "2");
        }
    }

    @Test
    void aUnitWhoseStatusesWereCarriedForwardShowsItsRateMarkedSo() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            Sheet units = workbook.getSheet("按单位");

            Cell carried = units.getRow(1).getCell(14);
            assertThat(carried.getNumericCellValue()).isZero();
            assertThat(FORMAT.formatCellValue(carried)).isEqualTo("0.0%（沿用）");
            assertThat(FORMAT.formatCellValue(units.getRow(3).getCell(14))).isEqualTo("100.0%");
        }
    }

    @Test
    void problemsAndFeedbackPointsAreGroupedUnderTheirTitlesShownOnce() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            XSSFSheet problems = workbook.getSheet("按问题");
            List<List<String>> rows = rows(problems);

            assertThat(rows.get(0)).startsWith("排名", "红绿灯", "问题编号", "问题描述").endsWith("整改情况", "原因")
                    .doesNotContain("方面", "反馈问题");
            assertThat(firstCells(rows)).containsExactly("排名", "方面：贯彻落实重大决策部署", "反馈问题：发挥国家战略平台作用不足",
                    "3", "2", "方面：全面从严治党", "反馈问题：主体责任不实", "1", "合计");
            assertThat(rows.get(3)).startsWith("3", "绿", "P01", "战略平台牵引不足").contains("已完成整改");
            assertThat(rows.get(7)).startsWith("1", "红", "P03", "主体责任落实不到位").endsWith("整改中", "逾期未完成1条");
            int columns = rows.get(0).size();
            assertThat(problems.getMergedRegions()).contains(new CellRangeAddress(1, 1, 0, columns - 1),
                    new CellRangeAddress(2, 2, 0, columns - 1), new CellRangeAddress(5, 5, 0, columns - 1));
            assertThat(String.join("", firstCells(rows))).containsOnlyOnce("贯彻落实重大决策部署");

            List<List<String>> points = rows(workbook.getSheet("按反馈问题"));
            assertThat(points.get(0)).startsWith("序号", "反馈问题", "问题数").doesNotContain("方面");
            assertThat(firstCells(points)).containsExactly("序号", "方面：贯彻落实重大决策部署", "1", "方面：全面从严治党", "2",
                    "合计");
            assertThat(points.get(2)).startsWith("1", "发挥国家战略平台作用不足", "2", "1", "0", "50.0%");
        }
    }

    @Test
    void aProblemRowIsAsTallAsItsWrappedDescription() throws IOException {
        String description = "主体责任落实不到位，".repeat(12);
        List<ProblemFigures> problems = march.byProblem().stream().map(p -> !p.code().equals("P03") ? p
                : new ProblemFigures(p.code(), p.category(), p.feedbackPoint(), description, p.tasks())).toList();

        try (XSSFWorkbook workbook = write(with(march, problems, march.byUnit()))) {
            Row p03 = workbook.getSheet("按问题").getRow(7);

            assertThat(p03.getCell(3).getStringCellValue()).isEqualTo(description);
            assertThat(p03.getCell(3).getCellStyle().getWrapText()).isTrue();
            assertThat(p03.getHeightInPoints()).isGreaterThanOrEqualTo(5 * 15f);
        }
    }

    @Test
    void everySheetPrintsOnA4AtNinePointsOrMoreWithItsHeaderOnEveryPage() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName();
                assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(PrintedSize.smallestFontPoints(sheet)).as(name).isGreaterThanOrEqualTo(9);
                if (StatisticsWorkbook.SHEETS.contains(name) && !name.equals("领导摘要") && !name.equals("总体情况")) {
                    assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(CellRangeAddress.valueOf("1:1"));
                }
            }
            Sheet summary = workbook.getSheet("领导摘要");
            assertThat(summary.getFitToPage()).isTrue();
            assertThat(summary.getPrintSetup().getFitHeight()).as("one page").isEqualTo((short) 1);
            assertThat(summary.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(summary.getPrintSetup().getLandscape()).isFalse();
        }
    }

    /**
     * Where Calibri is missing (LibreOffice or WPS on an office's Linux), a stand-in about 1.25 times
     * as wide (DejaVu Sans) widens every column, and fitting to the page shrinks the print further.
     */
    @Test
    void everySheetStillPrintsAtNinePointsWhenAWiderFontStandsInForCalibri() throws IOException {
        try (XSSFWorkbook workbook = write(march)) {
            for (Sheet sheet : workbook) {
                CellRangeAddress area = PrintedSize.printArea(sheet);
                double width = 0;
                for (int c = area.getFirstColumn(); c <= area.getLastColumn(); c++) {
                    width += sheet.getColumnWidthInPixels(c) * 0.75 * 1.25;
                }
                PrintSetup setup = sheet.getPrintSetup();
                double page = (setup.getLandscape() ? 841.9 : 595.3)
                        - 72 * (sheet.getMargin(Sheet.LeftMargin) + sheet.getMargin(Sheet.RightMargin));
                double scale = Math.min(1, setup.getFitWidth() * page / width);
                double font = PrintedSize.smallestFontPoints(sheet) / PrintedSize.scale(sheet);
                assertThat(font * scale).as(sheet.getSheetName()).isGreaterThanOrEqualTo(9);
            }
        }
    }

    @Test
    void aTrendOfManyPeriodsPrintsOnMorePagesWideAtNinePointsWithItsLabelsOnEach() throws IOException {
        PeriodFigures last = march.headline();
        List<PeriodFigures> trend = IntStream.range(0, 30).mapToObj(n -> new PeriodFigures(MARCH.minusMonths(29 - n),
                last.problems(), last.tasks(), last.accountability(), last.institutions(), last.submissions(),
                last.exceptions())).toList();

        try (XSSFWorkbook workbook = write(with(march, march.byProblem(), march.byUnit(), march.byGroup(),
                march.exceptions(), trend))) {
            Sheet sheet = workbook.getSheet("趋势");

            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) 31);
            assertThat(PrintedSize.smallestFontPoints(sheet)).isGreaterThanOrEqualTo(9);
            assertThat(sheet.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:A"));
        }
    }

    private XSSFWorkbook write(Consolidation c) throws IOException {
        Path file = root.resolve("汇总统计-" + c.period() + ".xlsx");
        StatisticsWorkbook.write(c, Standings.of(c), scoring.of(c), file);
        return MarchReports.read(file);
    }

    private static Consolidation with(Consolidation c, List<ProblemFigures> problems, List<UnitFigures> units) {
        return with(c, problems, units, c.byGroup(), c.exceptions(), c.trend());
    }

    private static Consolidation with(Consolidation c, List<ProblemFigures> problems, List<UnitFigures> units,
                                      List<GroupFigures> groups, List<ExceptionEntry> exceptions, List<PeriodFigures> trend) {
        return new Consolidation(c.period(), c.asOf(), c.title(), c.groups(), c.headline(), c.byCategory(),
                c.byFeedbackPoint(), problems, units, groups, c.institutions(), c.accountability(), trend, exceptions,
                c.receipts(), c.reviews(), c.completion());
    }

    /** Each light rule of the sheet: the range it covers, the value it matches and its fill. */
    private static List<org.assertj.core.groups.Tuple> lightRules(XSSFSheet sheet) {
        List<org.assertj.core.groups.Tuple> rules = new ArrayList<>();
        var formatting = sheet.getSheetConditionalFormatting();
        for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
            XSSFConditionalFormatting format = formatting.getConditionalFormattingAt(i);
            for (int r = 0; r < format.getNumberOfRules(); r++) {
                XSSFConditionalFormattingRule rule = format.getRule(r);
                assertThat(rule.getComparisonOperation()).isEqualTo(ComparisonOperator.EQUAL);
                String fill = rule.getPatternFormatting().getFillBackgroundColorColor().getARGBHex().substring(2);
                rules.add(tuple(format.getFormattingRanges()[0].formatAsString(), rule.getFormula1(), fill));
            }
        }
        return rules;
    }

    private static int rowIndex(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (!texts(row).isEmpty() && texts(row).get(0).equals(first)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + first);
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        sheet.forEach(row -> rows.add(texts(row)));
        return rows;
    }

    /** The rows of 领导摘要's 主要指标: 指标, then 本期, 上期 and 环比, without 说明. */
    private static List<List<String>> figures(List<List<String>> rows) {
        return rows.stream().filter(row -> row.size() == 7).map(row -> row.subList(0, 6)).toList();
    }

    private static List<String> firstCells(List<List<String>> rows) {
        return rows.stream().map(row -> row.isEmpty() ? "" : row.get(0)).toList();
    }

    private static List<String> texts(Row row) {
        return MarchReports.texts(row);
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        return MarchReports.sheetNames(workbook);
    }
}
