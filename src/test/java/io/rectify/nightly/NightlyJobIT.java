package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.rectify.TestDatabase;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.intake.ReviewLayout;
import io.rectify.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The whole {@code nightly} command, night after night, on a small input folder: the standard test
 * ledger ({@link LedgerWorkbookFixture#standard()}: U01..U05 in three groups, tasks T01..T06, 报送截止日
 * 10) and returns for 2024-03 and 2024-04 written as real .xlsx files.
 * <pre>
 *   task  lead  deadline    2024-03 return                   2024-04 return
 *   T01   U01   2023-12-31  已完成 2024-03-10                推进中 (regression)
 *   T02   U02   2024-03-31  已完成 2024-03-20                U02 sends nothing (carried forward)
 *   T03   U03   长期坚持     推进中; U01 (cooperating) 已完成  推进中; U01 (cooperating) 已完成
 *   T04   U04   2024-06-30  推进中                           已完成 2024-04-15
 *   T05   U05   2024-09-30  nothing; later a late return     nothing
 *                           with 已完成 2024-03-28
 *   T06   U01   长期坚持     推进中                           推进中
 * </pre>
 * The nights, each a separate run of the application: 2024-03; 2024-04; U05's late 2024-03 return
 * arrives; 2024-04 again (the catch-up) and once more; then, with output/2024-04 removed, nightly
 * without --period.
 */
class NightlyJobIT {

    @TempDir
    static Path root;
    private static Rectify rectify;
    private static final List<Rectify.Run> runs = new ArrayList<>();
    /** The input folder's fingerprints before and after every run. */
    private static final List<Map<String, String>> inputBefore = new ArrayList<>();
    private static final List<Map<String, String>> inputAfter = new ArrayList<>();

    private static JsonNode march;
    private static JsonNode april;
    private static List<List<String>> aprilExceptions;
    private static JsonNode aprilCaughtUp;
    private static Map<String, String> aprilOutputs;
    private static Map<String, String> aprilOutputsAgain;
    private static Map<String, String> marchOutputsBefore;
    private static Map<String, String> marchOutputsAfter;
    private static Map<String, String> aprilOutputsWithoutPeriod;

    @BeforeAll
    static void twoMonthsOfNights() throws IOException {
        rectify = Rectify.withStandardLedger(root);
        new PeriodFolder(rectify.input(), "2024-03").add(
                ReturnFixture.unit("U01").file("第一督查组/区发展改革委.xlsx").name("区发展改革委").period("2024-03")
                        .submittedOn(LocalDate.of(2024, 4, 3))
                        .row("T01", "已完成", LocalDate.of(2024, 3, 10), "已印发实施意见", "闵委办〔2024〕5号")
                        .row("T06", "推进中", "", "已开展回头看")
                        .row("T03", "已完成", LocalDate.of(2024, 3, 12), "配合完成调研", "调研报告")
                        .institution("重点区域高质量发展实施意见", "闵委办〔2024〕5号", "新建", LocalDate.of(2024, 3, 10), "T01")
                        .accountability("诫勉谈话", 2, "P01", ""),
                ReturnFixture.unit("U02").file("第一督查组/财政局.xlsx").period("2024年3月")
                        .row("T02", "已完成", "2024-03-20", "", "资金拨付文件"),
                ReturnFixture.unit("U03").period("2024-03").row("T03", "推进中", "", "机制起草中"),
                ReturnFixture.unit("U04").period("2024-03").row("T04", "推进中"))
                .write();
        new PeriodFolder(rectify.input(), "2024-04").add(
                ReturnFixture.unit("U01").file("第一督查组/区发展改革委.xlsx").period("2024-04")
                        .row("T01", "推进中", "", "实施意见需修订")
                        .row("T06", "推进中")
                        .row("T03", "已完成", LocalDate.of(2024, 3, 12), "配合完成调研", "调研报告"),
                ReturnFixture.unit("U03").period("2024-04").row("T03", "推进中")
                        .institution("重大项目月度推进办法", "", "修订"),
                ReturnFixture.unit("U04").period("2024-04").row("T04", "已完成", "2024-04-15", "", "服务专员名单"))
                .write();

        run("--period=2024-03");
        march = rectify.summary("2024-03");
        run("--period=2024-04");
        april = rectify.summary("2024-04");
        aprilExceptions = rectify.exceptions("2024-04");
        aprilOutputs = Rectify.contents(rectify.periodOutput("2024-04"));

        new PeriodFolder(rectify.input(), "2024-03").add(ReturnFixture.unit("U05").period("2024-03")
                .submittedOn("2024-05-06").modifiedAt("2024-05-06T09:00")
                .row("T05", "已完成", "2024-03-28", "", "主体责任清单")).write();
        run("--period=2024-04");
        aprilCaughtUp = rectify.summary("2024-04");
        Map<String, String> caughtUp = Rectify.contents(rectify.periodOutput("2024-04"));
        run("--period=2024-04");
        aprilOutputs = caughtUp;
        aprilOutputsAgain = Rectify.contents(rectify.periodOutput("2024-04"));

        FileSystemUtils.deleteRecursively(rectify.periodOutput("2024-04"));
        marchOutputsBefore = Rectify.fingerprints(rectify.periodOutput("2024-03"));
        run();
        marchOutputsAfter = Rectify.fingerprints(rectify.periodOutput("2024-03"));
        aprilOutputsWithoutPeriod = Rectify.contents(rectify.periodOutput("2024-04"));
    }

    private static void run(String... options) {
        inputBefore.add(Rectify.fingerprints(rectify.input()));
        runs.add(rectify.run("nightly", options));
        inputAfter.add(Rectify.fingerprints(rectify.input()));
    }

    @Test
    void everyNightCompletesWithExitStatusZeroAndPrintsItsSummary() {
        assertThat(runs).hasSize(5).allSatisfy(run -> {
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.err()).doesNotContain("rectify:");
        });
        assertThat(runs.get(0).out()).contains("（截至 2024-03-31）", "应报送 5 个单位，已报送 4 个，未报送 1 个");
        assertThat(runs.get(1).out()).contains("（截至 2024-04-30）", "应报送 5 个单位，已报送 3 个，未报送 2 个");
    }

    @Test
    void everyOutputOfTheSpecIsWrittenWithAReceiptPerUnit() {
        for (String period : List.of("2024-03", "2024-04")) {
            Path folder = rectify.periodOutput(period);
            for (String file : List.of(ReportWriter.SUMMARY, ReportWriter.EXCEPTIONS_CSV, ReportWriter.BULLETIN,
                    ReportWriter.STATISTICS, ReportWriter.EXCEPTIONS)) {
                assertThat(folder.resolve(file)).as(period + "/" + file).isRegularFile().isNotEmptyFile();
            }
        }
        assertThat(aprilOutputsWithoutPeriod.keySet().stream()
                .map(file -> file.replaceAll("^((回执|督办单)/[^-]+)-.+-(回执|督办单)\\.xlsx$", "$1")
                        .replaceAll("^(回执/[^-]+)-.+-标注\\.xlsx$", "$1 标注")
                        .replaceAll("^(销号审核/.+)-销号审核表\\.xlsx$", "$1")))
                .containsExactlyInAnyOrder(ReportWriter.SUMMARY,
                ReportWriter.EXCEPTIONS_CSV, ReportWriter.BULLETIN, ReportWriter.STATISTICS, ReportWriter.EXCEPTIONS,
                "回执/U01", "回执/U02", "回执/U03", "回执/U04", "回执/U05",
                "回执/U01 标注", "督办单/U01", "督办单/U02", "督办单/U05", ReportWriter.DASHBOARD,
                ReviewLayout.EXTENSION_FILE, "销号审核/第一督查组", "销号审核/第二督查组", "销号审核/第三督查组");
    }

    @Test
    void firstPeriodFiguresCountTheAcceptedReturns() {
        assertThat(march.get("period").asString()).isEqualTo("2024-03");
        assertThat(march.get("asOf").asString()).isEqualTo("2024-03-31");
        assertThat(march.get("problems").toString()).isEqualTo("{\"total\":5,\"completed\":1,\"reported\":1,\"signedOff\":0}");
        assertThat(march.get("tasks").toString()).isEqualTo(
                "{\"total\":6,\"completed\":2,\"inProgress\":3,\"notStarted\":1,\"overdue\":0,\"dueSoon\":0,"
                        + "\"reported\":2,\"awaitingSignOff\":2,\"signedOff\":0}");
        assertThat(march.get("accountability").toString())
                .isEqualTo("{\"caseFiled\":0,\"disciplined\":0,\"admonished\":2,\"organizational\":0}");
        assertThat(march.get("institutions").toString()).isEqualTo("{\"created\":1,\"revised\":0}");
        assertThat(march.get("submissions").toString()).isEqualTo(
                "{\"expected\":5,\"accepted\":4,\"missing\":1,\"late\":0,\"rejectedFiles\":0,\"missingUnits\":[\"U05\"]}");
        assertThat(Rectify.unit(march, "U01").get("tasks").get("completed").asInt()).isEqualTo(1);
        assertThat(rectify.exceptions("2024-03")).extracting(line -> line.get(0) + " " + line.get(3) + " " + line.get(5))
                .containsExactly("completed-late U01 T01", "missing-return U05 ");
    }

    @Test
    void leadUnitThatSendsNothingKeepsItsStatusFromTheEarlierPeriod() {
        JsonNode u02 = Rectify.unit(april, "U02");
        assertThat(u02.get("submitted").asBoolean()).isFalse();
        assertThat(u02.get("tasks").get("completed").asInt()).isEqualTo(1);
        assertThat(april.get("tasks").toString()).isEqualTo(
                "{\"total\":6,\"completed\":2,\"inProgress\":3,\"notStarted\":1,\"overdue\":1,\"dueSoon\":0,"
                        + "\"reported\":2,\"awaitingSignOff\":2,\"signedOff\":0}");
        assertThat(april.get("submissions").toString()).isEqualTo(
                "{\"expected\":5,\"accepted\":3,\"missing\":2,\"late\":0,\"rejectedFiles\":0,\"missingUnits\":[\"U02\",\"U05\"]}");
        // U01's lists in force are those of its 2024-03 return: its 2024-04 return has no such sheets
        assertThat(april.get("institutions").toString()).isEqualTo("{\"created\":1,\"revised\":1}");
        assertThat(april.get("accountability").get("admonished").asInt()).isEqualTo(2);
        assertThat(rectify.exceptions("2024-04", "missing-return")).extracting(line -> line.get(3))
                .containsExactly("U02", "U05");
    }

    @Test
    void completedTaskReportedInProgressLaterIsARegression() {
        List<List<String>> regressions = aprilExceptions.stream().filter(line -> line.get(0).equals("regression")).toList();
        assertThat(regressions).containsExactly(List.of("regression", "error", "第一督查组", "U01", "P01", "T01",
                "第一督查组/区发展改革委.xlsx", "整改进展", String.valueOf(ReturnFixture.FIRST_ROW), "B", "推进中",
                regressions.get(0).get(11)));
        assertThat(regressions.get(0).get(11)).contains("2024年3月");
        assertThat(rectify.exceptions("2024-03", "regression")).isEmpty();
        assertThat(Rectify.unit(april, "U01").get("tasks").get("completed").asInt()).isZero();
    }

    @Test
    void cooperatingUnitsCompletedRowNeverCompletesTheTask() {
        for (JsonNode summary : List.of(march, april, aprilCaughtUp)) {
            JsonNode u03 = Rectify.unit(summary, "U03");
            assertThat(u03.get("submitted").asBoolean()).isTrue();
            assertThat(u03.get("tasks").get("completed").asInt()).isZero();
            assertThat(u03.get("tasks").get("inProgress").asInt()).isOne();
        }
    }

    @Test
    void lateReturnForAnEarlierPeriodReachesTheLaterPeriodsFiguresOnTheNextNight() throws IOException {
        assertThat(Rectify.unit(april, "U05").get("tasks").get("completed").asInt()).isZero();
        assertThat(Rectify.unit(aprilCaughtUp, "U05").get("tasks").get("completed").asInt()).isOne();
        assertThat(Rectify.unit(aprilCaughtUp, "U05").get("submitted").asBoolean()).isFalse();
        assertThat(aprilCaughtUp.get("tasks").get("completed").asInt()).isEqualTo(3);
        assertThat(aprilCaughtUp.get("tasks").get("notStarted").asInt()).isZero();
        assertThat(aprilCaughtUp.get("problems").get("completed").asInt()).isEqualTo(2);
        assertThat(Files.readString(rectify.periodOutput("2024-04").resolve(ReportWriter.BULLETIN)))
                .contains("截至2024年4月，巡视反馈的5项问题已完成整改2项。提出整改措施6条，已经完成3条。");
        // 2024-03 as reconciled again that night, side by side in 2024-04's trend
        JsonNode march = aprilCaughtUp.get("trend").get(0);
        assertThat(march.get("period").asString()).isEqualTo("2024-03");
        assertThat(march.get("submissions").toString())
                .isEqualTo("{\"expected\":5,\"accepted\":5,\"missing\":0,\"late\":1,\"rejectedFiles\":0}");
        assertThat(march.get("exceptions").get("byRule").toString())
                .isEqualTo("{\"late-submission\":1,\"completed-late\":1}");
        assertThat(april.get("trend").get(0).get("submissions").get("accepted").asInt()).isEqualTo(4);
        // the late return belongs to 2024-03: it is no 2024-04 return of U05
        assertThat(rectify.exceptions("2024-04", "missing-return")).extracting(line -> line.get(3))
                .containsExactly("U02", "U05");
    }

    @Test
    void runningNightlyAgainOnTheSameFilesGivesByteIdenticalOutputs() {
        assertThat(aprilOutputsAgain).isEqualTo(aprilOutputs).containsKeys(ReportWriter.SUMMARY, ReportWriter.EXCEPTIONS_CSV);
        assertThat(aprilOutputsWithoutPeriod).isEqualTo(aprilOutputs);
    }

    @Test
    void inputFilesKeepTheirContentAndModificationTimes() {
        for (int i = 0; i < runs.size(); i++) {
            assertThat(inputAfter.get(i)).as("input after run %d", i + 1).isEqualTo(inputBefore.get(i));
        }
        assertThat(inputBefore.get(0)).containsKeys("master/整改台账.xlsx", "returns/2024-03/U03.xlsx",
                "returns/2024-04/第一督查组/区发展改革委.xlsx");
    }

    @Test
    void withoutPeriodTheLatestPeriodFolderIsRun() {
        assertThat(aprilOutputsWithoutPeriod).containsKeys(ReportWriter.SUMMARY, ReportWriter.EXCEPTIONS_CSV);
        assertThat(marchOutputsAfter).isEqualTo(marchOutputsBefore);
        assertThat(runs.get(4).out()).contains("（截至 2024-04-30）");
    }

    @Test
    void everyReturnReadIsArchivedUnderItsContentHash() {
        Map<String, String> archived = Rectify.contents(root.resolve("data/archive"));
        Map<String, String> inputs = Rectify.contents(rectify.input().resolve("returns"));
        assertThat(inputs).hasSize(8);
        inputs.values().forEach(sha256 -> assertThat(archived).containsEntry(sha256.substring(0, 2) + "/" + sha256, sha256));
    }

    @Test
    void databaseIsClosedWithoutErrorsAfterEveryNight() {
        assumeFalse(TestDatabase.postgresql(), "H2's trace file; a server keeps its own log");
        // H2 writes a trace file next to the database only when something went wrong, such as a failed close
        assertThat(root.resolve("data/db")).isDirectoryNotContaining("glob:**.trace.db");
    }
}
