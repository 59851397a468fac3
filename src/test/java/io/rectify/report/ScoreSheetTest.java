package io.rectify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scores of the fixture's March in 汇总统计's 考核 and in summary.json: U03 未报送 (10), 报送期次不符 (an
 * error, 1) and T04 逾期未完成 (3) = 86; U02 逾期报送 (2) = 98; U01 and U04 100. February had no deduction.
 */
class ScoreSheetTest extends MarchReports {

    @Test
    void theScoreSheetFollowsTheRankedSheetsWithEachDeductionAndTheTrend() throws IOException {
        try (XSSFWorkbook workbook = open("2024-03/" + ReportWriter.STATISTICS)) {
            assertThat(sheetNames(workbook)).containsSubsequence("按单位", "按督查组", "考核", "报送情况");
            Sheet sheet = workbook.getSheet("考核");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= 4; r++) {
                rows.add(texts(sheet.getRow(r)));
            }

            assertThat(rows).containsExactly(
                    List.of("排名", "单位代码", "单位名称", "督查组", "得分", "未报送\n每次10分", "逾期报送\n每次2分",
                            "填报错误\n每次1分", "逾期未完成\n每次3分", "整改反弹\n每次5分", "销号退回\n每次3分", "扣分合计",
                            "2024年2月", "2024年3月"),
                    List.of("1", "U01", "区发改委", "第一督查组", "100", "", "", "", "", "", "", "0", "100", "100"),
                    List.of("1", "U04", "区民政局", "第二督查组", "100", "", "", "", "", "", "", "0", "100", "100"),
                    List.of("3", "U02", "区财政局", "第一督查组", "98", "", "1×2=2", "", "", "", "", "2", "100", "98"),
                    List.of("4", "U03", "区教育局", "第二督查组", "86", "1×10=10", "", "1×1=1", "1×3=3", "", "", "14", "100",
                            "86"));
            assertThat(texts(sheet.getRow(6)).get(0)).startsWith("得分＝100分减各项扣分，最低0分");
        }
    }

    @Test
    void theScoreSheetPrintsOnA4AtNinePointsOrMoreWithItsHeaderOnEveryPage() throws IOException {
        try (XSSFWorkbook workbook = open("2024-03/" + ReportWriter.STATISTICS)) {
            Sheet sheet = workbook.getSheet("考核");

            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(PrintedSize.smallestFontPoints(sheet)).isGreaterThanOrEqualTo(9);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
            assertThat(sheet.getHeader().getCenter()).endsWith("考核");
        }
    }

    @Test
    void summaryJsonGivesEachUnitsScoreRankDeductionsAndTrend() throws IOException {
        JsonNode scores = JsonMapper.builder().build().readTree(Files.readString(output.resolve("2024-03/summary.json")))
                .get("scores");

        assertThat(scores.propertyNames()).containsExactly("U01", "U04", "U02", "U03");
        JsonNode u03 = scores.get("U03");
        assertThat(u03.get("score").asInt()).isEqualTo(86);
        assertThat(u03.get("rank").asInt()).isEqualTo(4);
        assertThat(u03.get("deductions").toString()).isEqualTo("[{\"item\":\"missing-return\",\"count\":1,\"points\":10,"
                + "\"deducted\":10},{\"item\":\"late-submission\",\"count\":0,\"points\":2,\"deducted\":0},"
                + "{\"item\":\"entry-error\",\"count\":1,\"points\":1,\"deducted\":1},{\"item\":\"overdue\",\"count\":1,"
                + "\"points\":3,\"deducted\":3},{\"item\":\"regression\",\"count\":0,\"points\":5,\"deducted\":0},"
                + "{\"item\":\"signoff-returned\",\"count\":0,\"points\":3,\"deducted\":0}]");
        assertThat(u03.get("trend").toString())
                .isEqualTo("[{\"period\":\"2024-02\",\"score\":100},{\"period\":\"2024-03\",\"score\":86}]");
        assertThat(scores.get("U01").get("rank").asInt()).isEqualTo(1);
        assertThat(scores.get("U04").get("rank").asInt()).isEqualTo(1);
    }
}
