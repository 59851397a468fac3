package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import io.rectify.report.ReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An earlier period stays judged with the ledger version it was judged with. Returns of 2024-02 and
 * 2024-03 on the standard test ledger; the first night runs 2024-03, then the office edits the ledger
 * (T02 removed, T04's lead unit U04 becomes U03, T05's deadline moves to 2024-02-15: each would
 * change February's figures) and the next night runs 2024-03 again.
 */
class LedgerHistoryIT {

    @TempDir
    Path root;
    private Rectify rectify;
    private StoredPeriods stored;

    @BeforeEach
    void twoMonthsOfReturns() {
        rectify = Rectify.withStandardLedger(root);
        stored = new StoredPeriods(root);
        StoredPeriods.writeFebruary(rectify.input());
        new PeriodFolder(rectify.input(), "2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("T01", "推进中").row("T06", "推进中"),
                ReturnFixture.unit("U03").period("2024-03").row("T03", "推进中"),
                ReturnFixture.unit("U04").period("2024-03").row("T04", "推进中")).write();
    }

    @Test
    void ledgerEditLeavesTheEarlierPeriodAsPublishedAndChangesTheRunsPeriod() {
        night();
        Map<String, String> states = stored.states();
        JsonNode februaryRow = rectify.summary("2024-03").get("trend").get(0);
        List<String> februaryColumn = trendColumn("2024-03", 1);

        editLedger();
        Rectify.Run second = night();

        assertThat(second.out()).as("February kept, its trend row too: version 1 is not read again")
                .doesNotContain("read again from its kept workbook");
        assertThat(stored.states().get("2024-02")).isEqualTo(states.get("2024-02"));
        assertThat(rectify.summary("2024-03").get("trend").get(0)).isEqualTo(februaryRow);
        assertThat(trendColumn("2024-03", 1)).isEqualTo(februaryColumn);
        assertThat(stored.tasks("2024-03")).doesNotContain("T02");
        assertThat(stored.exceptions("2024-03", "not-assigned")).containsExactly("T04");
        assertThat(stored.exceptions("2024-03", "overdue")).contains("T05");
    }

    @Test
    void earlierPeriodReadAgainAfterALedgerEditIsJudgedWithItsOwnVersion() {
        night();
        Instant february = stored.reconciledAt().get("2024-02");

        editLedger();
        new PeriodFolder(rectify.input(), "2024-02").add(ReturnFixture.unit("U05").period("2024-02")
                .row("T05", "推进中")).write();
        Rectify.Run second = night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(february);
        assertThat(stored.tasks("2024-02")).contains("T02");
        assertThat(stored.exceptions("2024-02", "not-assigned")).isEmpty();
        assertThat(stored.exceptions("2024-02", "overdue")).doesNotContain("T05");
        assertThat(rectify.summary("2024-03").get("trend").get(0).get("tasks").get("total").asInt()).isEqualTo(6);
        assertThat(second.out()).contains("Ledger version 1 (整改台账.xlsx) read again from its kept workbook");
    }

    @Test
    void rejudgeJudgesTheEarlierPeriodWithTheCurrentLedgerAndSaysSo() {
        night();

        editLedger();
        Rectify.Run second = night("--rejudge");

        assertThat(stored.tasks("2024-02")).doesNotContain("T02");
        assertThat(stored.exceptions("2024-02", "not-assigned")).containsExactly("T04");
        assertThat(rectify.summary("2024-03").get("trend").get(0).get("tasks").get("total").asInt()).isEqualTo(5);
        assertThat(second.out()).containsPattern("WARN .*Re-judging 2024-02 with the current ledger version 2 "
                + "instead of version 1 it was judged with");
    }

    @Test
    void rejudgeFromALaterPeriodLeavesTheEarlierOneAlone() {
        night();
        Map<String, String> states = stored.states();

        editLedger();
        Rectify.Run second = night("--rejudge=2024-03");

        assertThat(stored.states().get("2024-02")).isEqualTo(states.get("2024-02"));
        assertThat(second.out()).doesNotContain("Re-judging");
    }

    @Test
    void versionWithoutAKeptWorkbookKeepsItsPeriodAsPublishedAndSaysSo() {
        night();
        Map<String, String> states = stored.states();
        stored.update("UPDATE ledger_version SET workbook = NULL");

        Rectify.Run second = editLedgerAndChangeFebruary();

        assertThat(stored.states().get("2024-02")).isEqualTo(states.get("2024-02"));
        assertThat(second.out()).containsPattern("WARN .*2024-02 changed, but ledger version 1 \\(整改台账.xlsx\\) cannot "
                + "be read again: it was imported before workbooks were kept: it is kept as published")
                .contains("注意：2024年2月的报表有变动，但当时评判所用的台账版本已无法重新读取，该期保持已发布的结果", "--rejudge=2024-02");
    }

    @Test
    void versionThatFailsTodaysLedgerChecksKeepsItsPeriodAsPublished() throws IOException {
        night();
        Map<String, String> states = stored.states();
        LedgerWorkbookFixture unsafe = LedgerWorkbookFixture.standard();
        unsafe.units().add("../../U54", "区审计局", "第三督查组");
        unsafe.tasks().add("T07", "P05", "开展专项审计", "../../U54", "", "长期坚持");
        Path workbook = unsafe.write(root.resolve("accepted-before-codes-were-checked.xlsx"));
        stored.update("UPDATE ledger_version SET workbook = ?", Files.readAllBytes(workbook));

        Rectify.Run second = editLedgerAndChangeFebruary();

        assertThat(stored.states().get("2024-02")).isEqualTo(states.get("2024-02"));
        assertThat(stored.tasks("2024-02")).contains("T02");
        assertThat(second.out()).containsPattern("WARN .*2024-02 changed, but ledger version 1 .* no longer reads as a "
                + "valid ledger .*单位代码含有不允许的字符");
    }

    private Rectify.Run editLedgerAndChangeFebruary() {
        editLedger();
        new PeriodFolder(rectify.input(), "2024-02").add(ReturnFixture.unit("U05").period("2024-02")
                .row("T05", "推进中")).write();
        return night();
    }

    @Test
    void versionImportedBeforeWorkbooksWereKeptKeepsItsWorkbookWhenSeenAgain() {
        night();
        stored.update("UPDATE ledger_version SET workbook = NULL");

        night();

        List<Boolean> kept = new ArrayList<>();
        stored.query("SELECT workbook IS NOT NULL FROM ledger_version", rs -> kept.add(rs.getBoolean(1)));
        assertThat(kept).containsExactly(true);
    }

    @Test
    void asOfIsCheckedAgainstTheFeedbackDateOfTheVersionThePeriodIsJudgedWith() {
        night();
        LedgerWorkbookFixture.standard().info(LedgerLayout.FEEDBACK_DATE, LocalDate.of(2024, 3, 15))
                .writeToMaster(rectify.input());

        Rectify.Run february = rectify.run("nightly", "--period=2024-02", "--as-of=2024-02-29");

        assertThat(february.status()).as("judged with version 1, whose 反馈日期 is 2023-08-29: " + february.err()).isZero();
    }

    /** T02 removed, T04 led by U03 instead of U04, T05 due 2024-02-15 instead of 2024-09-30. */
    private void editLedger() {
        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard();
        ledger.tasks().set(3, LedgerLayout.LEAD_UNIT, "U03");
        ledger.tasks().set(4, LedgerLayout.DEADLINE, LocalDate.of(2024, 2, 15));
        ledger.tasks().remove(1);
        ledger.writeToMaster(rectify.input());
    }

    private Rectify.Run night(String... options) {
        List<String> args = new ArrayList<>(List.of("--period=2024-03"));
        args.addAll(List.of(options));
        Rectify.Run run = rectify.run("nightly", args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        return run;
    }

    /** One column of the 趋势 sheet of a period's 汇总统计.xlsx (column 1 is the first period's), as shown. */
    private List<String> trendColumn(String period, int column) {
        List<String> values = new ArrayList<>();
        try (InputStream in = Files.newInputStream(rectify.periodOutput(period).resolve(ReportWriter.STATISTICS));
             Workbook workbook = new XSSFWorkbook(in)) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheet("趋势")) {
                values.add(formatter.formatCellValue(row.getCell(column)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
