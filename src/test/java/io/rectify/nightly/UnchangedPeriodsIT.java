package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Night after night on the same input, an earlier period whose fingerprint did not change is kept as
 * stored, unread; whatever its result depends on, when changed, has it reconciled again, and every
 * later period with it. Returns of 2024-02, 2024-03 and 2024-04 of the standard test ledger (U01..U05,
 * T01..T06); every night runs 2024-04. What a night did is read from the database it leaves: when
 * each period was reconciled, what it stored, and how many files the ingest step read.
 */
class UnchangedPeriodsIT {

    @TempDir
    Path root;
    private Rectify rectify;
    private final List<Rectify.Run> runs = new ArrayList<>();

    @BeforeEach
    void threeMonthsOfReturns() {
        rectify = Rectify.withStandardLedger(root);
        new PeriodFolder(rectify.input(), "2024-02").add(
                ReturnFixture.unit("U01").period("2024-02").row("T01", "推进中").row("T06", "推进中"),
                ReturnFixture.unit("U02").period("2024-02").row("T02", "推进中"),
                ReturnFixture.unit("U03").period("2024-02").row("T03", "推进中"),
                ReturnFixture.unit("U04").period("2024-02").row("T04", "未启动")).write();
        new PeriodFolder(rectify.input(), "2024-03").add(
                ReturnFixture.unit("U01").period("2024-03").row("T01", "已完成", "2024-03-10", "", "实施意见")
                        .row("T06", "推进中"),
                ReturnFixture.unit("U02").period("2024-03").row("T02", "已完成", "2024-03-20", "", "拨付文件"),
                ReturnFixture.unit("U03").period("2024-03").row("T03", "推进中"),
                ReturnFixture.unit("U04").period("2024-03").row("T04", "推进中")).write();
        new PeriodFolder(rectify.input(), "2024-04").add(
                ReturnFixture.unit("U01").period("2024-04").row("T01", "已完成", "2024-03-10", "", "实施意见")
                        .row("T06", "推进中"),
                ReturnFixture.unit("U03").period("2024-04").row("T03", "推进中"),
                ReturnFixture.unit("U04").period("2024-04").row("T04", "推进中")).write();
    }

    @Test
    void secondNightWithNothingChangedKeepsTheEarlierPeriodsUnreadWithIdenticalFigures() {
        night();
        Map<String, Instant> first = reconciledAt();
        Map<String, String> firstStates = storedStates();
        Map<String, String> firstOutputs = Rectify.contents(rectify.periodOutput("2024-04"));
        assertThat(readCount()).isEqualTo(4 + 4 + 3);

        Rectify.Run second = night();

        assertThat(reconciledAt()).containsEntry("2024-02", first.get("2024-02")).containsEntry("2024-03", first.get("2024-03"));
        assertThat(reconciledAt().get("2024-04")).isAfter(first.get("2024-04"));
        assertThat(readCount()).isEqualTo(3);
        assertThat(second.out()).containsPattern("2024-02 unchanged since its last reconcile \\(fingerprint [0-9a-f]{12}\\), kept")
                .contains("2024-03 unchanged since its last reconcile").doesNotContain("2024-04 unchanged");
        assertThat(storedStates()).isEqualTo(firstStates);
        assertThat(Rectify.contents(rectify.periodOutput("2024-04"))).isEqualTo(firstOutputs);
    }

    @Test
    void returnAddedToAnEarlierPeriodHasItAndEveryLaterPeriodReconciledAgain() {
        night();
        Map<String, Instant> first = reconciledAt();
        assertThat(Rectify.unit(rectify.summary("2024-04"), "U05").get("tasks").get("completed").asInt()).isZero();

        new PeriodFolder(rectify.input(), "2024-02").add(ReturnFixture.unit("U05").period("2024-02")
                .row("T05", "已完成", "2024-02-20", "", "主体责任清单")).write();
        night();

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(reconciledAt().get("2024-03")).as("the chain: 2024-03 builds on 2024-02").isAfter(first.get("2024-03"));
        assertThat(readCount()).isEqualTo(5 + 4 + 3);
        JsonNode april = rectify.summary("2024-04");
        assertThat(Rectify.unit(april, "U05").get("tasks").get("completed").asInt()).isOne();
        assertThat(april.get("trend").get(0).get("submissions").get("accepted").asInt()).isEqualTo(5);
    }

    @Test
    void returnRemovedFromAnEarlierPeriodHasOnlyThatPeriodAndTheLaterOnesReconciledAgain() throws IOException {
        night();
        Map<String, Instant> first = reconciledAt();

        Files.delete(rectify.input().resolve("returns/2024-03/U04.xlsx"));
        night();

        assertThat(reconciledAt().get("2024-02")).isEqualTo(first.get("2024-02"));
        assertThat(reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(readCount()).isEqualTo(3 + 3);
        assertThat(rectify.summary("2024-04").get("trend").get(1).get("submissions").get("missing").asInt()).isEqualTo(2);
    }

    @Test
    void returnChangedInAnEarlierPeriodIsReadAgainAndItsNewStatusReachesTheRunsPeriod() {
        night();
        assertThat(Rectify.unit(rectify.summary("2024-04"), "U02").get("tasks").get("completed").asInt()).isOne();

        new PeriodFolder(rectify.input(), "2024-03").add(ReturnFixture.unit("U02").period("2024-03").row("T02", "推进中"))
                .write();
        night();

        assertThat(readCount()).isEqualTo(4 + 3);
        assertThat(Rectify.unit(rectify.summary("2024-04"), "U02").get("tasks").get("completed").asInt()).isZero();
    }

    @Test
    void returnOnlyModifiedAgainHasItsPeriodReconciledAgainForItsTimeDecidesLateAndSuperseding() throws IOException {
        night();
        Map<String, Instant> first = reconciledAt();

        Path u01 = rectify.input().resolve("returns/2024-02/U01.xlsx");
        Files.setLastModifiedTime(u01, FileTime.from(Files.getLastModifiedTime(u01).toInstant().plusSeconds(60)));
        night();

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(readCount()).isEqualTo(4 + 4 + 3);
    }

    @Test
    void newLedgerVersionHasEveryPeriodReconciledAgain() {
        night();
        Map<String, Instant> first = reconciledAt();
        int overdue = rectify.summary("2024-04").get("tasks").get("overdue").asInt();

        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard();
        ledger.tasks().set(3, LedgerLayout.DEADLINE, LocalDate.of(2024, 4, 20));
        ledger.writeToMaster(rectify.input());
        night();

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(rectify.summary("2024-04").get("tasks").get("overdue").asInt()).isEqualTo(overdue + 1);
        assertThat(exceptions("2024-03", "overdue")).doesNotContain("T04");
    }

    @Test
    void changedDueSoonDaysHasEveryPeriodReconciledAgain() {
        night();
        Map<String, Instant> first = reconciledAt();
        List<String> marchDueSoon = exceptions("2024-03", "due-soon");

        System.setProperty("rectify.due-soon-days", "120");
        try {
            night();
        } finally {
            System.clearProperty("rectify.due-soon-days");
        }

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(exceptions("2024-03", "due-soon")).hasSizeGreaterThan(marchDueSoon.size()).contains("T04");
    }

    @Test
    void periodLastRunAsOfAnotherDayIsReconciledAgainAsOfItsLastDay() {
        night("--period=2024-03", "--as-of=2024-03-15");
        Map<String, Instant> first = reconciledAt();

        night();

        assertThat(reconciledAt().get("2024-02")).isEqualTo(first.get("2024-02"));
        assertThat(reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(readCount()).isEqualTo(4 + 3);
    }

    @Test
    void periodWithoutAStoredFingerprintAsInADatabaseFromBeforeIsReconciledAgain() {
        night();
        Map<String, Instant> first = reconciledAt();
        update("DELETE FROM period_fingerprint WHERE period = '2024-02'");

        night();

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(reconciledAt().get("2024-03")).isEqualTo(first.get("2024-03"));
        assertThat(readCount()).isEqualTo(4 + 3);
    }

    @Test
    void periodWhoseFileWasRefusedForTheTimeLimitIsReadAgainEveryNight() {
        System.setProperty("rectify.limits.time-per-file", "0s");
        try {
            night();
            Map<String, Instant> first = reconciledAt();
            assertThat(fingerprints().get("2024-02")).startsWith(PeriodFingerprints.UNREPEATABLE);

            night();

            assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
            assertThat(reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
            assertThat(readCount()).isEqualTo(4 + 4 + 3);
        } finally {
            System.clearProperty("rectify.limits.time-per-file");
        }
    }

    @Test
    void periodWhoseFilesCouldNotBeArchivedIsReadAgainOnTheNextNight() throws IOException {
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/archive"), "a file where the archive folder belongs");
        night();
        assertThat(fingerprints().get("2024-02")).startsWith(PeriodFingerprints.UNREPEATABLE);
        Files.delete(root.resolve("data/archive"));
        Map<String, Instant> first = reconciledAt();

        night();

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(fingerprints().get("2024-02")).matches("[0-9a-f]{64}");
        assertThat(rectify.summary("2024-04").get("trend").get(0).get("submissions").get("accepted").asInt()).isEqualTo(4);
    }

    @Test
    void periodWhoseFilesAreMissingFromTheArchiveIsReadAndArchivedAgain() throws IOException {
        night();
        Map<String, Instant> first = reconciledAt();
        try (var archived = Files.walk(root.resolve("data/archive"))) {
            for (Path file : archived.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }

        night();

        assertThat(reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        Map<String, String> inputs = Rectify.contents(rectify.input().resolve("returns"));
        inputs.values().forEach(sha256 -> assertThat(root.resolve("data/archive").resolve(sha256.substring(0, 2)).resolve(sha256))
                .isRegularFile());
    }

    private Rectify.Run night(String... options) {
        Rectify.Run run = rectify.run("nightly", options.length == 0 ? new String[] {"--period=2024-04"} : options);
        assertThat(run.status()).as(run.err()).isZero();
        runs.add(run);
        return run;
    }

    /** The task codes of one rule's exceptions of a period, as stored. */
    private List<String> exceptions(String period, String rule) {
        List<String> tasks = new ArrayList<>();
        query("SELECT task_code FROM rule_exception WHERE period = '" + period + "' AND rule = '" + rule + "' ORDER BY seq",
                rs -> tasks.add(rs.getString(1)));
        return tasks;
    }

    private Map<String, Instant> reconciledAt() {
        return byPeriod("reconciled_at", rs -> rs.getTimestamp(2).toInstant());
    }

    private Map<String, String> fingerprints() {
        return byPeriod("fingerprint", rs -> rs.getString(2));
    }

    /** One column of period_fingerprint, by period. */
    private <T> Map<String, T> byPeriod(String column, Value<T> value) {
        Map<String, T> values = new TreeMap<>();
        query("SELECT period, " + column + " FROM period_fingerprint", rs -> values.put(rs.getString(1), value.of(rs)));
        return values;
    }

    /** Per period, its stored task statuses, files and exceptions as text. */
    private Map<String, String> storedStates() {
        Map<String, String> states = new TreeMap<>();
        query("SELECT period, task_code, status, completion_date, source_period FROM task_status ORDER BY period, task_code",
                rs -> states.merge(rs.getString(1), rs.getString(2) + rs.getString(3) + rs.getDate(4) + rs.getString(5), String::concat));
        query("SELECT period, path, sha256, outcome FROM return_file ORDER BY period, path",
                rs -> states.merge(rs.getString(1), rs.getString(2) + rs.getString(3) + rs.getString(4), String::concat));
        query("SELECT period, seq, rule, task_code, message FROM rule_exception ORDER BY period, seq",
                rs -> states.merge(rs.getString(1), rs.getInt(2) + rs.getString(3) + rs.getString(4) + rs.getString(5), String::concat));
        return states;
    }

    /** Files the ingest step of the latest night read. */
    private long readCount() {
        long[] count = {-1};
        query("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'ingestStep' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1",
                rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private interface Value<T> {
        T of(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + root.resolve("data/db/rectify") + ";MAX_COMPACT_TIME=0", "sa", "");
    }
}
