package io.rectify.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import io.rectify.reconcile.PeriodFolder;
import io.rectify.reconcile.ReturnFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private StoredPeriods stored;
    private final List<Rectify.Run> runs = new ArrayList<>();

    @BeforeEach
    void threeMonthsOfReturns() {
        rectify = Rectify.withStandardLedger(root);
        stored = new StoredPeriods(root);
        StoredPeriods.writeFebruary(rectify.input());
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
        Map<String, Instant> first = stored.reconciledAt();
        Map<String, String> firstStates = stored.states();
        Map<String, String> firstOutputs = Rectify.contents(rectify.periodOutput("2024-04"));
        assertThat(stored.readCount()).isEqualTo(4 + 4 + 3);

        Rectify.Run second = night();

        assertThat(stored.reconciledAt()).containsEntry("2024-02", first.get("2024-02")).containsEntry("2024-03", first.get("2024-03"));
        assertThat(stored.reconciledAt().get("2024-04")).isAfter(first.get("2024-04"));
        assertThat(stored.readCount()).as("the run's period is reconciled, its unchanged returns taken as checked").isZero();
        assertThat(second.out()).containsPattern("2024-02 unchanged since its last reconcile \\(fingerprint [0-9a-f]{12}\\), kept")
                .contains("2024-03 unchanged since its last reconcile").doesNotContain("2024-04 unchanged");
        assertThat(stored.states()).isEqualTo(firstStates);
        assertThat(Rectify.contents(rectify.periodOutput("2024-04"))).isEqualTo(firstOutputs);
    }

    @Test
    void returnAddedToAnEarlierPeriodHasItAndEveryLaterPeriodReconciledAgain() {
        night();
        Map<String, Instant> first = stored.reconciledAt();
        assertThat(Rectify.unit(rectify.summary("2024-04"), "U05").get("tasks").get("completed").asInt()).isZero();

        new PeriodFolder(rectify.input(), "2024-02").add(ReturnFixture.unit("U05").period("2024-02")
                .row("T05", "已完成", "2024-02-20", "", "主体责任清单")).write();
        night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(stored.reconciledAt().get("2024-03")).as("the chain: 2024-03 builds on 2024-02").isAfter(first.get("2024-03"));
        assertThat(stored.readCount()).as("the new return, then the later periods' returns as what they build on changed")
                .isEqualTo(1 + 4 + 3);
        JsonNode april = rectify.summary("2024-04");
        assertThat(Rectify.unit(april, "U05").get("tasks").get("completed").asInt()).isOne();
        assertThat(april.get("trend").get(0).get("submissions").get("accepted").asInt()).isEqualTo(5);
    }

    @Test
    void returnRemovedFromAnEarlierPeriodHasOnlyThatPeriodAndTheLaterOnesReconciledAgain() throws IOException {
        night();
        Map<String, Instant> first = stored.reconciledAt();

        Files.delete(rectify.input().resolve("returns/2024-03/U04.xlsx"));
        night();

        assertThat(stored.reconciledAt().get("2024-02")).isEqualTo(first.get("2024-02"));
        assertThat(stored.reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(stored.readCount()).isEqualTo(0 + 3);
        assertThat(rectify.summary("2024-04").get("trend").get(1).get("submissions").get("missing").asInt()).isEqualTo(2);
    }

    @Test
    void returnChangedInAnEarlierPeriodIsReadAgainAndItsNewStatusReachesTheRunsPeriod() {
        night();
        assertThat(Rectify.unit(rectify.summary("2024-04"), "U02").get("tasks").get("completed").asInt()).isOne();

        new PeriodFolder(rectify.input(), "2024-03").add(ReturnFixture.unit("U02").period("2024-03").row("T02", "推进中"))
                .write();
        night();

        assertThat(stored.readCount()).isEqualTo(1 + 3);
        assertThat(Rectify.unit(rectify.summary("2024-04"), "U02").get("tasks").get("completed").asInt()).isZero();
    }

    @Test
    void returnOnlyModifiedAgainHasItsPeriodReconciledAgainForItsTimeDecidesLateAndSuperseding() throws IOException {
        night();
        Map<String, Instant> first = stored.reconciledAt();

        Path u01 = rectify.input().resolve("returns/2024-02/U01.xlsx");
        Files.setLastModifiedTime(u01, FileTime.from(Files.getLastModifiedTime(u01).toInstant().plusSeconds(60)));
        night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(stored.readCount()).isEqualTo(1 + 4 + 3);
    }

    @Test
    void newLedgerVersionHasOnlyTheRunsPeriodReconciledAgain() {
        night();
        Map<String, Instant> first = stored.reconciledAt();
        int overdue = rectify.summary("2024-04").get("tasks").get("overdue").asInt();

        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard();
        ledger.tasks().set(3, LedgerLayout.DEADLINE, LocalDate.of(2024, 4, 20));
        ledger.writeToMaster(rectify.input());
        night();

        assertThat(stored.reconciledAt().get("2024-02")).isEqualTo(first.get("2024-02"));
        assertThat(stored.reconciledAt().get("2024-03")).isEqualTo(first.get("2024-03"));
        assertThat(rectify.summary("2024-04").get("tasks").get("overdue").asInt()).isEqualTo(overdue + 1);
        assertThat(stored.exceptions("2024-04", "overdue")).contains("T04");
    }

    @Test
    void changedDueSoonDaysHasEveryPeriodReconciledAgain() {
        night();
        Map<String, Instant> first = stored.reconciledAt();
        List<String> marchDueSoon = stored.exceptions("2024-03", "due-soon");

        System.setProperty("rectify.due-soon-days", "120");
        try {
            night();
        } finally {
            System.clearProperty("rectify.due-soon-days");
        }

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(stored.reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(stored.exceptions("2024-03", "due-soon")).hasSizeGreaterThan(marchDueSoon.size()).contains("T04");
    }

    @Test
    void periodLastRunAsOfAnotherDayIsReconciledAgainAsOfItsLastDay() {
        night("--period=2024-03", "--as-of=2024-03-15");
        Map<String, Instant> first = stored.reconciledAt();

        night();

        assertThat(stored.reconciledAt().get("2024-02")).isEqualTo(first.get("2024-02"));
        assertThat(stored.reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
        assertThat(stored.readCount()).isEqualTo(4 + 3);
    }

    @Test
    void periodWithoutAStoredFingerprintAsInADatabaseFromBeforeIsReconciledAgain() {
        night();
        Map<String, Instant> first = stored.reconciledAt();
        stored.update("DELETE FROM period_fingerprint WHERE period = '2024-02'");

        night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(stored.reconciledAt().get("2024-03")).isEqualTo(first.get("2024-03"));
        assertThat(stored.readCount()).as("its unchanged returns are taken as checked with the same inputs").isZero();
    }

    @Test
    void periodWhoseFileWasRefusedForTheTimeLimitIsReadAgainEveryNight() {
        System.setProperty("rectify.limits.time-per-file", "0s");
        try {
            night();
            Map<String, Instant> first = stored.reconciledAt();
            assertThat(stored.fingerprints().get("2024-02")).startsWith(PeriodFingerprints.UNREPEATABLE);
            long[] givenUp = {0};
            stored.query("SELECT COUNT(*) FROM rule_exception WHERE rule = 'file-unreadable' AND message LIKE '读取本文件超过%'",
                    rs -> givenUp[0] = rs.getLong(1));

            night();

            assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
            assertThat(stored.reconciledAt().get("2024-03")).isAfter(first.get("2024-03"));
            // a file the time limit cut off is read again; one read in time (or refused at once) is taken as checked
            assertThat(givenUp[0]).isPositive();
            assertThat(stored.readCount()).isEqualTo(givenUp[0]);
        } finally {
            System.clearProperty("rectify.limits.time-per-file");
        }
    }

    @Test
    void periodWhoseFilesCouldNotBeArchivedIsReadAgainOnTheNextNight() throws IOException {
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/archive"), "a file where the archive folder belongs");
        night();
        assertThat(stored.fingerprints().get("2024-02")).startsWith(PeriodFingerprints.UNREPEATABLE);
        Files.delete(root.resolve("data/archive"));
        Map<String, Instant> first = stored.reconciledAt();

        night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
        assertThat(stored.fingerprints().get("2024-02")).matches("[0-9a-f]{64}");
        assertThat(rectify.summary("2024-04").get("trend").get(0).get("submissions").get("accepted").asInt()).isEqualTo(4);
    }

    @Test
    void periodWhoseFilesAreMissingFromTheArchiveIsReadAndArchivedAgain() throws IOException {
        night();
        Map<String, Instant> first = stored.reconciledAt();
        try (var archived = Files.walk(root.resolve("data/archive"))) {
            for (Path file : archived.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }

        night();

        assertThat(stored.reconciledAt().get("2024-02")).isAfter(first.get("2024-02"));
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
}
