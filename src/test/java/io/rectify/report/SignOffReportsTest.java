package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.PrintedSize;
import io.rectify.ReceiptFiles;
import io.rectify.consolidate.Completion;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.SignOffFixture;
import io.rectify.ledger.Unit;
import io.rectify.ops.RectifyProperties.CompletedMeans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outputs of a March in which the supervision groups signed off, returned and re-checked tasks ({@link SignOffFixture}). */
class SignOffReportsTest extends MarchReports {

    @Override
    protected void addToFixture() {
        SignOffFixture.add(jdbc);
    }

    @Test
    void summaryJsonCountsSignOffBesideReportedCompletion() throws IOException {
        JsonNode json = summary(output);

        assertThat(json.get("completedMeans").asString()).isEqualTo("reported");
        assertThat(json.get("tasks").get("completed").asInt()).isEqualTo(2);
        assertThat(json.get("tasks").get("awaitingSignOff").asInt()).isEqualTo(1);
        assertThat(json.get("tasks").get("signedOff").asInt()).isEqualTo(1);
        assertThat(json.get("problems").toString()).isEqualTo("{\"total\":3,\"completed\":1,\"reported\":1,\"signedOff\":0}");
        assertThat(json.get("byUnit").get(1).get("tasks").get("awaitingSignOff").asInt()).as("U02's T02").isEqualTo(1);
        assertThat(json.get("trend").get(0).get("tasks").get("signedOff").asInt()).as("T01 signed off in February").isEqualTo(1);
    }

    @Test
    void statisticsShowReportedCompletionAndSignOffSideBySide() throws IOException {
        try (XSSFWorkbook workbook = open("2024-03/汇总统计.xlsx")) {
            Sheet overview = workbook.getSheet("总体情况");
            assertThat(valueOf(overview, "已完成")).isEqualTo("2");
            assertThat(valueOf(overview, "待销号")).isEqualTo("1");
            assertThat(valueOf(overview, "已销号")).isEqualTo("1");
            assertThat(valueOf(overview, "措施销号率")).isEqualTo("20.0%");
            assertThat(valueOf(overview, "已销号问题")).isEqualTo("0");

            Sheet units = workbook.getSheet("按单位");
            assertThat(texts(units.getRow(0)).subList(6, 10)).containsExactly("整改措施", "已完成", "待销号", "已销号");
            assertThat(row(units, "U01").subList(6, 10)).containsExactly("2", "1", "0", "1");
            assertThat(row(units, "U02").subList(6, 10)).containsExactly("1", "1", "1", "0");
            assertThat(texts(workbook.getSheet("按督查组").getRow(0))).contains("已完成", "待销号", "已销号");
            Sheet problems = workbook.getSheet("按问题");
            assertThat(texts(problems.getRow(3)).subList(2, 8)).containsExactly("P01", "战略平台牵引不足", "2", "2", "1", "1");
            assertThat(texts(problems.getRow(3))).contains("已完成整改");
            assertThat(texts(workbook.getSheet("按方面").getRow(0))).startsWith("序号", "方面", "问题数", "已完成整改", "已销号");

            List<String> summary = allTexts(workbook.getSheet("领导摘要"));
            assertThat(summary).containsSubsequence("已完成整改问题", "问题整改率", "措施完成率", "已销号问题", "措施销号率", "待销号",
                    "逾期未完成");
        }
    }

    @Test
    void theBulletinKeepsThePublishedParagraphAndAddsOneSentenceOnSignOff() throws IOException {
        String bulletin = Files.readString(output.resolve("2024-03/通报.txt"), StandardCharsets.UTF_8);

        assertThat(bulletin).contains("巡视反馈的3项问题已完成整改1项。提出整改措施5条，已经完成2条。")
                .contains("\r\n\u3000\u3000各单位报告已完成的2条整改措施中，经督查组验收已销号1条，待销号1条；已完成整改的1项问题中，已销号0项。\r\n");
    }

    @Test
    void aReturnedTaskIsTheFirstThingItsUnitMustDoWithTheGroupsOpinion() throws IOException {
        try (XSSFWorkbook receipt = read(ReceiptFiles.receipt(output.resolve("2024-03"), "U01"))) {
            Sheet front = receipt.getSheet("回执");
            List<String> first = rowOf(front, "1. 销号退回");

            assertThat(first.get(1)).contains("T03", "编制产业地图", "第一督查组", "退回", SignOffFixture.OPINION);
            assertThat(first).anyMatch(cell -> cell.contains("在下次报送时将该任务重新报为已完成") && cell.contains("佐证材料"));
            assertThat(first).anyMatch(cell -> cell.contains("2024年5月5日前（下次报送）"));
            assertThat(allTexts(front)).anyMatch(text -> text.contains("延期已批准") && text.contains("按延期后的完成时限完成整改"));
            assertThat(allTexts(front)).anyMatch(text -> text.contains("已完成 1 条（其中已销号 1 条，待销号 0 条）"));
        }
    }

    @Test
    void theTaskListShowsEachLeadTasksSignOffAndStillPrintsAtNinePoints() throws IOException {
        try (XSSFWorkbook u01 = read(ReceiptFiles.receipt(output.resolve("2024-03"), "U01"));
             XSSFWorkbook u02 = read(ReceiptFiles.receipt(output.resolve("2024-03"), "U02"))) {
            Sheet tasks = u01.getSheet("任务情况");
            int column = texts(tasks.getRow(0)).indexOf("销号");
            assertThat(row(tasks, "T01").get(column)).isEqualTo("已销号（2024年2月）");
            assertThat(row(tasks, "T03").get(column)).isEmpty();
            assertThat(row(tasks, "T03").get(texts(tasks.getRow(0)).indexOf("提醒"))).as("T03 was sent back").isEqualTo("销号退回");
            assertThat(row(u02.getSheet("任务情况"), "T02").get(column)).isEqualTo("待销号");
            for (Sheet sheet : u01) {
                assertThat(PrintedSize.smallestFontPoints(sheet)).as(sheet.getSheetName()).isGreaterThanOrEqualTo(9);
            }
        }
    }

    @Test
    void aRefusedExtensionTellsTheUnitWhatToDo() throws IOException {
        try (XSSFWorkbook receipt = read(ReceiptFiles.receipt(output.resolve("2024-03"), "U03"))) {
            assertThat(allTexts(receipt.getSheet("回执"))).anyMatch(text -> text.contains("延期未批准"))
                    .anyMatch(text -> text.contains("无正当理由")).anyMatch(text -> text.contains("按现完成时限抓紧推进"));
        }
    }

    @Test
    void theSupervisionNoticeListsTheTaskFoundNotDone() throws IOException {
        Unit u03 = march.byUnit().get(2).unit();
        try (XSSFWorkbook notice = read(output.resolve("2024-03/督办单/" + ReportWriter.noticeFile(u03, MARCH)))) {
            List<String> texts = allTexts(notice.getSheet("督办单"));

            assertThat(texts).contains("回头看复核不属实、逾期未完成");
            assertThat(texts).anyMatch(text -> text.contains("审核退回或回头看复核不属实") && text.contains("重新报为已完成"));
            assertThat(texts).anyMatch(text -> text.contains("回头看复核不属实1条"));
        }
    }

    @Test
    void theDashboardShowsSignedOffTasksBesideCompletedOnes() throws IOException {
        String page = Files.readString(output.resolve("2024-03/index.html"));

        assertThat(page).contains("整改措施完成", "整改措施已销号", "待销号 1条", "<th>已销号</th>",
                "销号退回或回头看复核不属实的整改措施2条（已按推进中统计，须由单位整改后重新报为已完成）");
    }

    @Test
    void signedOffMeaningChangesTheHeadlineAndSaysSo() throws IOException {
        Path signed = root.resolve("signed-off");
        writer.write(withCompletion(march, new Completion(CompletedMeans.SIGNED_OFF)), signed);

        JsonNode json = summary(signed);
        assertThat(json.get("completedMeans").asString()).isEqualTo("signed-off");
        assertThat(json.get("tasks").get("completed").asInt()).isEqualTo(1);
        assertThat(json.get("tasks").get("reported").asInt()).isEqualTo(2);
        assertThat(json.get("problems").get("completed").asInt()).isZero();
        assertThat(Files.readString(signed.resolve("2024-03/通报.txt")))
                .contains("巡视反馈的3项问题已整改销号0项。提出整改措施5条，已销号1条。").doesNotContain("已经完成");
        try (XSSFWorkbook workbook = read(signed.resolve("2024-03/汇总统计.xlsx"))) {
            List<String> summary = allTexts(workbook.getSheet("领导摘要"));
            assertThat(summary).containsSubsequence("已销号问题", "措施销号率", "待销号", "已完成整改问题", "措施完成率")
                    .contains("四、尚未销号的问题3项");
        }
        assertThat(Files.readString(signed.resolve("2024-03/index.html"))).contains("问题销号", "整改措施销号",
                "整改措施已完成（单位报告）");
    }

    @Test
    void theDefaultMeaningKeepsTheHeadlineOfReportedCompletion() throws IOException {
        assertThat(summary(output).get("tasks").get("completed").asInt()).isEqualTo(2);
        try (XSSFWorkbook workbook = open("2024-03/汇总统计.xlsx")) {
            assertThat(allTexts(workbook.getSheet("领导摘要"))).contains("四、尚未完成整改的问题2项");
        }
    }

    private static JsonNode summary(Path output) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(output.resolve("2024-03/summary.json")));
    }

    /** The texts of the row whose cells include {@code code}. */
    private static List<String> row(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (texts(row).contains(code)) {
                return texts(row);
            }
        }
        throw new AssertionError("no row of " + code + " in " + sheet.getSheetName());
    }

    private static Consolidation withCompletion(Consolidation c, Completion completion) {
        return new Consolidation(c.period(), c.asOf(), c.title(), c.groups(), c.headline(), c.byCategory(),
                c.byFeedbackPoint(), c.byProblem(), c.byUnit(), c.byGroup(), c.institutions(), c.accountability(),
                c.trend(), c.exceptions(), c.receipts(), c.reviews(), completion);
    }
}
