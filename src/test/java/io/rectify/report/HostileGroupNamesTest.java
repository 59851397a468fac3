package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.G1;
import static io.rectify.consolidate.ReconciledFixture.G2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.scoring.Scoring;
import io.rectify.standing.Standings;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 汇总统计.xlsx of the fixture's March with supervision groups named as a ledger may name them: a
 * leading =, apostrophes, longer than a sheet name may be, and the same first 31 characters.
 */
class HostileGroupNamesTest extends ConsolidatedMarch {

    @Autowired
    Scoring scoring;

    private static final DataFormatter FORMAT = new DataFormatter();
    private static final String FIRST = "=第一督查组'联合'（区发改委、区财政局、区教育局、区民政局等单位牵头）";
    private static final Map<String, String> HOSTILE = Map.of(G1, FIRST, G2, FIRST + "二");

    @Override
    protected void addToFixture() {
        HOSTILE.forEach((plain, hostile) -> jdbc.update("UPDATE rule_exception SET group_name = ? WHERE group_name = ?",
                hostile, plain));
    }

    @Test
    void everyChartReadsItsOwnSheetsCellsWhateverTheGroupsAreCalled() throws IOException {
        Ledger plain = ReconciledFixture.ledger();
        ledgers.replace(new Ledger(plain.info(), plain.groups().stream().map(HOSTILE::get).toList(),
                plain.units().stream().map(u -> new Unit(u.code(), u.name(), HOSTILE.get(u.group()), null, null)).toList(),
                plain.categories(), plain.feedbackPoints(), plain.problems(), plain.tasks()),
                "hostile-groups", "master/台账.xlsx", Instant.parse("2024-02-01T00:00:00Z"), null);
        Path file = root.resolve(ReportWriter.STATISTICS);
        var march = march();
        StatisticsWorkbook.write(march, Standings.of(march), scoring.of(march), file);

        try (XSSFWorkbook workbook = MarchReports.read(file)) {
            List<List<String>> unitsCharted = new ArrayList<>();
            int series = 0;
            for (XSSFSheet sheet : List.of(workbook.getSheetAt(1), workbook.getSheetAt(2), workbook.getSheetAt(3))) {
                XSSFDrawing drawing = sheet.getDrawingPatriarch();
                assertThat(drawing).as(sheet.getSheetName()).isNotNull();
                for (XSSFChart chart : drawing.getCharts()) {
                    for (XDDFChartData data : chart.getChartSeries()) {
                        for (int s = 0; s < data.getSeriesCount(); s++) {
                            series++;
                            XDDFChartData.Series one = data.getSeries(s);
                            List<String> labels = texts(workbook, sheet, one.getCategoryData().getDataRangeReference());
                            for (int i = 0; i < labels.size(); i++) {
                                assertThat(labels.get(i)).isEqualTo(one.getCategoryData().getPointAt(i));
                            }
                            List<Cell> values = cells(workbook, sheet, one.getValuesData().getDataRangeReference());
                            for (int i = 0; i < values.size(); i++) {
                                assertThat(values.get(i).getNumericCellValue())
                                        .isCloseTo(one.getValuesData().getPointAt(i).doubleValue(), within(1e-9));
                            }
                            assertThat(texts(workbook, sheet, titleCell(one))).hasSize(1);
                            if (sheet.getSheetName().equals(StatisticsCharts.OVERVIEW) && labels.size() == 2
                                    && !labels.get(0).startsWith("2024")) {
                                assertThat(labels).containsExactly("'" + FIRST, "'" + FIRST + "二");
                            }
                            if (!sheet.getSheetName().equals(StatisticsCharts.OVERVIEW) && s == 0) {
                                unitsCharted.add(labels);
                            }
                        }
                    }
                }
            }
            assertThat(series).as("图表 4, each group 2").isEqualTo(8);
            assertThat(unitsCharted).containsExactly(List.of("区发改委", "区财政局"), List.of("区发改委", "区财政局"),
                    List.of("区教育局（报送未采纳）"), List.of("区教育局（报送未采纳）"));
        }
    }

    /** The cells {@code reference} names, which must be on {@code sheet}: a chart reads its own sheet. */
    private static List<Cell> cells(XSSFWorkbook workbook, XSSFSheet sheet, String reference) {
        AreaReference area = new AreaReference(reference, workbook.getSpreadsheetVersion());
        assertThat(area.getFirstCell().getSheetName()).as(reference).isEqualTo(sheet.getSheetName());
        List<Cell> cells = new ArrayList<>();
        for (CellReference cell : area.getAllReferencedCells()) {
            cells.add(sheet.getRow(cell.getRow()).getCell(cell.getCol()));
        }
        return cells;
    }

    private static List<String> texts(XSSFWorkbook workbook, XSSFSheet sheet, String reference) {
        return cells(workbook, sheet, reference).stream().map(FORMAT::formatCellValue).toList();
    }

    private static String titleCell(XDDFChartData.Series series) {
        if (series instanceof XDDFBarChartData.Series bar) {
            return bar.getCTBarSer().getTx().getStrRef().getF();
        }
        if (series instanceof XDDFPieChartData.Series pie) {
            return pie.getCTPieSer().getTx().getStrRef().getF();
        }
        return ((XDDFLineChartData.Series) series).getCTLineSer().getTx().getStrRef().getF();
    }
}
