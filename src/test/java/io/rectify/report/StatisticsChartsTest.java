package io.rectify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rectify.PrintedSize;
import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.scoring.Scoring;
import io.rectify.standing.Standings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The charts of 汇总统计.xlsx written from the fixture's March: 第一督查组 U01, U02 (3 tasks, 2 done);
 * 第二督查组 U03 (2 tasks, none done, T04 overdue, no accepted return) and U04 (no lead task).
 */
class StatisticsChartsTest extends ConsolidatedMarch {

    @Autowired
    Scoring scoring;

    /** Written once for the class: every test only reads it. */
    static XSSFWorkbook workbook;

    @BeforeEach
    void writeMarch() throws IOException {
        if (workbook != null) {
            return;
        }
        Path file = root.resolve(ReportWriter.STATISTICS);
        var march = march();
        StatisticsWorkbook.write(march, Standings.of(march), scoring.of(march), file);
        workbook = MarchReports.read(file);
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
        workbook = null;
    }

    @Test
    void chartSheetsComeBeforeTheTables() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));

        assertThat(names).containsSubsequence("图表", "第一督查组单位", "第二督查组单位", "总体情况");
        assertThat(names.indexOf("第二督查组单位") + 1).isEqualTo(names.indexOf("总体情况"));
    }

    @Test
    void completionByGroupIsABarPerGroupInLedgerOrderReadingTheSheetsOwnTable() {
        XSSFChart chart = charts("图表").get(0);

        assertThat(title(chart)).isEqualTo("各督查组整改措施完成率");
        XDDFBarChartData bars = (XDDFBarChartData) only(chart);
        assertThat(bars.getBarDirection()).isEqualTo(BarDirection.COL);
        XDDFChartData.Series series = bars.getSeries(0);
        assertThat(seriesTitle(series)).isEqualTo("完成率");
        assertThat(seriesTitleCell(series)).isEqualTo("图表!$D$35");
        assertThat(categories(series)).isEqualTo("图表!$A$36:$A$37");
        assertThat(values(series)).isEqualTo("图表!$D$36:$D$37");
        assertThat(texts("图表!$A$36:$A$37")).containsExactly("第一督查组", "第二督查组");
        assertThat(numbers("图表!$D$36:$D$37")).containsExactly(2.0 / 3, 0.0);
        assertThat(text(workbook.getSheet("图表"), "D35")).isEqualTo("完成率");
        assertThat(series.getValuesData().getPointAt(0).doubleValue()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(showsValues(chart)).isTrue();
    }

    @Test
    void statusOfAllTasksIsAPieOfTheThreeStatusesTitledWithTheOverdue() {
        XSSFChart chart = charts("图表").get(1);

        assertThat(title(chart)).isEqualTo("整改措施状态（共5条，其中逾期未完成1条）");
        XDDFChartData.Series series = ((XDDFPieChartData) only(chart)).getSeries(0);
        assertThat(seriesTitle(series)).isEqualTo("措施数");
        assertThat(categories(series)).isEqualTo("图表!$A$40:$A$42");
        assertThat(values(series)).isEqualTo("图表!$B$40:$B$42");
        assertThat(texts("图表!$A$40:$A$42")).containsExactly("已完成", "推进中", "未启动");
        assertThat(numbers("图表!$B$40:$B$42")).containsExactly(2.0, 2.0, 1.0);
        assertThat(texts("图表!$A$43:$A$44")).containsExactly("合计", "其中逾期未完成");
        assertThat(numbers("图表!$B$43:$B$44")).containsExactly(5.0, 1.0);
        assertThat(chart.getCTChart().isSetLegend()).isTrue();
    }

    @Test
    void statusSlicesAreLabelledWithTheirCountsNotRoundedShares() {
        CTDLbls labels = charts("图表").get(1).getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0).getDLbls();

        assertThat(labels.getShowPercent().getVal()).isFalse();
        assertThat(labels.getShowVal().getVal()).isTrue();
        assertThat(labels.getShowCatName().getVal()).isTrue();
        assertThat(labels.getNumFmt().getFormatCode()).isEqualTo("0\"条\"");
    }

    @Test
    void trendIsTwoLinesOverEveryPeriodTheOverdueOnItsOwnAxis() {
        XSSFChart chart = charts("图表").get(2);

        assertThat(title(chart)).isEqualTo("整改措施完成与逾期未完成趋势");
        assertThat(chart.getChartSeries()).hasSize(2).allMatch(XDDFLineChartData.class::isInstance);
        XDDFChartData.Series done = chart.getChartSeries().get(0).getSeries(0);
        XDDFChartData.Series overdue = chart.getChartSeries().get(1).getSeries(0);
        assertThat(seriesTitle(done)).isEqualTo("已完成");
        assertThat(seriesTitle(overdue)).isEqualTo("逾期未完成");
        assertThat(categories(done)).isEqualTo("图表!$A$47:$A$48").isEqualTo(categories(overdue));
        assertThat(values(done)).isEqualTo("图表!$B$47:$B$48");
        assertThat(values(overdue)).isEqualTo("图表!$C$47:$C$48");
        assertThat(texts("图表!$A$47:$A$48")).containsExactly("2024年2月", "2024年3月");
        assertThat(numbers("图表!$B$47:$B$48")).containsExactly(1.0, 2.0);
        assertThat(numbers("图表!$C$47:$C$48")).containsExactly(0.0, 1.0);
        assertThat(chart.getChartSeries().get(1).getValueAxes().get(0).getPosition()).isEqualTo(AxisPosition.RIGHT);
        // one period still draws: each point is marked
        assertThat(((XDDFLineChartData.Series) done).getCTLineSer().getMarker().getSymbol().getVal().toString())
                .isEqualTo("circle");
    }

    @Test
    void eachGroupsUnitsAreChartedInRankOrderSaidSoInTheTitleWithRateAndOverdueBars() {
        List<XSSFChart> first = charts("第一督查组单位");
        assertThat(first).extracting(StatisticsChartsTest::title)
                .containsExactly("各单位整改措施完成率（按排名，最落后在上）", "各单位逾期未完成整改措施（条）");
        XDDFChartData.Series rate = only(first.get(0)).getSeries(0);
        XDDFChartData.Series overdue = only(first.get(1)).getSeries(0);
        assertThat(seriesTitle(rate)).isEqualTo("完成率");
        assertThat(seriesTitle(overdue)).isEqualTo("逾期未完成");
        assertThat(categories(rate)).isEqualTo("第一督查组单位!$B$20:$B$21").isEqualTo(categories(overdue));
        assertThat(values(rate)).isEqualTo("第一督查组单位!$G$20:$G$21");
        assertThat(values(overdue)).isEqualTo("第一督查组单位!$H$20:$H$21");
        // both yellow: U01 (half its tasks done) before U02 (all done)
        assertThat(texts("第一督查组单位!$B$20:$B$21")).containsExactly("区发改委", "区财政局");
        assertThat(numbers("第一督查组单位!$G$20:$G$21")).containsExactly(0.5, 1.0);
        assertThat(numbers("第一督查组单位!$H$20:$H$21")).containsExactly(0.0, 0.0);
        XDDFBarChartData bars = (XDDFBarChartData) only(first.get(0));
        assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
        assertThat(bars.getCategoryAxis().getOrientation()).isEqualTo(AxisOrientation.MAX_MIN);
    }

    @Test
    void aUnitWithoutAnAcceptedReturnIsChartedAsSuchAndOneWithoutLeadTasksIsNot() {
        List<XSSFChart> second = charts("第二督查组单位");
        XDDFChartData.Series rate = only(second.get(0)).getSeries(0);

        assertThat(categories(rate)).isEqualTo("第二督查组单位!$B$20");
        assertThat(texts("第二督查组单位!$B$20")).containsExactly("区教育局（报送未采纳）");
        assertThat(numbers("第二督查组单位!$H$20")).containsExactly(1.0);
        assertThat(text(workbook.getSheet("第二督查组单位"), "B21")).isEqualTo("区民政局");
        assertThat(text(workbook.getSheet("第二督查组单位"), "D21")).isEqualTo("无需报送");
    }

    @Test
    void aCarriedForwardRateIsMarkedInTheTableAndItsBarIsHatchedAndLabelledSo() {
        XSSFSheet sheet = workbook.getSheet("第二督查组单位");
        CTBarSer rate = charts("第二督查组单位").get(0).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);

        assertThat(new DataFormatter().formatCellValue(cells("第二督查组单位!$G$20").get(0))).isEqualTo("0.0%（沿用）");
        assertThat(rate.getDPtArray(0).getSpPr().isSetSolidFill()).isFalse();
        assertThat(rate.getDPtArray(0).getSpPr().xmlText()).contains("prst=\"wdUpDiag\"", "<a:srgbClr val=\"A5A5A5\"/>");
        assertThat(rate.getDLbls().xmlText()).contains("<c:idx val=\"0\"/>", "formatCode=\"0.0%&quot;（沿用）&quot;\"");
        assertThat(sheet.getRow(18).getCell(6).getStringCellValue()).isEqualTo("完成率");
    }

    @Test
    void aGroupsLightColumnIsColouredByConditionalFormattingAndItsTableStartsBelowTheCharts() {
        XSSFSheet sheet = workbook.getSheet("第一督查组单位");
        var formatting = sheet.getSheetConditionalFormatting();

        assertThat(formatting.getNumConditionalFormattings()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(formatting.getConditionalFormattingAt(i).getFormattingRanges()[0].formatAsString()).isEqualTo("C20:C21");
        }
        // the charts end at the top of row 18, the table's header is row 19
        assertThat(sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0).getTo().getRow()).isEqualTo(17);
        assertThat(sheet.getRow(18).getCell(0).getStringCellValue()).isEqualTo("全区排名");
    }

    @Test
    void everyChartSheetPrintsOnA4WideAtNineOrMorePoints() {
        for (String name : List.of("图表", "第一督查组单位", "第二督查组单位")) {
            XSSFSheet sheet = workbook.getSheet(name);
            assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
            assertThat(PrintedSize.printArea(sheet).getLastColumn()).as(name).isEqualTo(11);
            assertThat(PrintedSize.smallestFontPoints(sheet)).as(name).isGreaterThanOrEqualTo(9);
            assertThat(sheet.getPaneInformation()).as(name).isNull();
        }
    }

    private List<XSSFChart> charts(String sheet) {
        return workbook.getSheet(sheet).getDrawingPatriarch().getCharts();
    }

    private static XDDFChartData only(XSSFChart chart) {
        assertThat(chart.getChartSeries()).hasSize(1);
        return chart.getChartSeries().get(0);
    }

    private static String title(XSSFChart chart) {
        return chart.getTitle().getBody().getParagraph(0).getText();
    }

    private static String seriesTitle(XDDFChartData.Series series) {
        return name(series).getStrRef().getStrCache().getPtArray(0).getV();
    }

    private static String seriesTitleCell(XDDFChartData.Series series) {
        return name(series).getStrRef().getF();
    }

    private static CTSerTx name(XDDFChartData.Series series) {
        if (series instanceof XDDFBarChartData.Series bar) {
            return bar.getCTBarSer().getTx();
        }
        if (series instanceof XDDFPieChartData.Series pie) {
            return pie.getCTPieSer().getTx();
        }
        return ((XDDFLineChartData.Series) series).getCTLineSer().getTx();
    }

    private static String categories(XDDFChartData.Series series) {
        return series.getCategoryData().getDataRangeReference();
    }

    private static String values(XDDFChartData.Series series) {
        return series.getValuesData().getDataRangeReference();
    }

    private static boolean showsValues(XSSFChart chart) {
        return chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getDLbls().getShowVal().getVal();
    }

    private List<Cell> cells(String range) {
        AreaReference area = new AreaReference(range, workbook.getSpreadsheetVersion());
        List<Cell> cells = new ArrayList<>();
        for (CellReference ref : area.getAllReferencedCells()) {
            cells.add(workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()));
        }
        return cells;
    }

    private List<String> texts(String range) {
        return cells(range).stream().map(Cell::getStringCellValue).toList();
    }

    private List<Double> numbers(String range) {
        return cells(range).stream().peek(c -> assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC))
                .map(Cell::getNumericCellValue).toList();
    }

    private static String text(XSSFSheet sheet, String address) {
        CellReference ref = new CellReference(address);
        return sheet.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue();
    }
}
