package io.rectify.review;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.FEBRUARY;
import static io.rectify.consolidate.ReconciledFixture.G1;
import static io.rectify.consolidate.ReconciledFixture.G2;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ReconciledFixture;
import io.rectify.consolidate.Reviews;
import io.rectify.intake.ReviewLayout;
import io.rectify.report.ReportWriter;
import io.rectify.report.WrittenReport;
import io.rectify.rule.TaskStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@link ReconciledFixture} district's March with the supervision loop's state stored as reconcile would:
 * T01 signed off in February (a spot-check candidate), T02 awaiting sign-off from its March row, T03 signed off
 * in February and reported 推进中 in March (a regression), two extension requests of March.
 */
class ReviewWorkbooksTest extends ConsolidatedMarch {

    @Autowired
    ReportWriter writer;

    @BeforeEach
    void store() {
        storeFixture();
    }

    @Override
    protected void addToFixture() {
        signOff(FEBRUARY, "T01", "已销号", FEBRUARY);
        signOff(MARCH, "T01", "已销号", FEBRUARY);
        signOff(MARCH, "T02", "待销号", null);
        jdbc.update("UPDATE task_status SET status = '已完成', completion_date = DATE '2024-02-25', source_period = '2024-02'"
                + " WHERE period = '2024-02' AND task_code = 'T03'");
        signOff(FEBRUARY, "T03", "已销号", FEBRUARY);
        new ReconciledFixture(jdbc).exception(MARCH, 100, "regression", G1, "U01", "区发改委", "P02", "T03",
                "U01/区发改委.xlsx", "整改进展", 6, "F", "推进中", "已销号的任务本期报送为推进中。");
        long u01 = jdbc.queryForObject("SELECT id FROM return_file WHERE period = '2024-03' AND path = 'U01/区发改委.xlsx'",
                Long.class);
        request(u01, "U01", "T03", "2024-04-10", "2024-06-30", "需待市级政策出台", 4);
        request(u01, "U01", "T99", "2024-04-10", "2024-06-30", "不在台账中的任务", 5);
        request(u01, "U01", "T01", "2024-02-29", "2024-05-31", "补充材料", 3);
    }

    private void signOff(java.time.YearMonth period, String task, String signOff, java.time.YearMonth signedOffIn) {
        jdbc.update("UPDATE task_status SET sign_off = ?, signed_off_period = ? WHERE period = ? AND task_code = ?",
                signOff, signedOffIn == null ? null : signedOffIn.toString(), period.toString(), task);
    }

    private void request(long file, String unit, String task, String deadline, String requested, String reason, int row) {
        jdbc.update("""
                INSERT INTO extension_request (file_id, period, unit_code, task_code, deadline, requested, reason, excel_row)
                VALUES (?, '2024-03', ?, ?, ?, ?, ?, ?)""",
                file, unit, task, java.sql.Date.valueOf(deadline), java.sql.Date.valueOf(requested), reason, row);
    }

    @Test
    void taskAwaitingSignOffCarriesTheLeadRowThatReportedIt() {
        Reviews reviews = consolidator.consolidate(MARCH, AS_OF).reviews();

        assertThat(reviews.awaiting()).extracting(a -> a.task().code(), a -> a.lead().code(), Reviews.AwaitingSignOff::completionDate,
                        Reviews.AwaitingSignOff::evidence, Reviews.AwaitingSignOff::progress, Reviews.AwaitingSignOff::reportedIn,
                        Reviews.AwaitingSignOff::file, Reviews.AwaitingSignOff::row)
                .containsExactly(tuple("T02", "U02", LocalDate.of(2024, 3, 20), "-佐证T02", "@进展：T02", MARCH,
                        "U02/财政局-v2.xlsx", 5));
    }

    @Test
    void statusCarriedForwardPointsAtTheEarlierPeriodsReturn() {
        signOff(MARCH, "T01", "待销号", null);

        Reviews reviews = consolidator.consolidate(MARCH, AS_OF).reviews();

        assertThat(reviews.awaiting()).extracting(a -> a.task().code(), Reviews.AwaitingSignOff::reportedIn,
                        Reviews.AwaitingSignOff::file, Reviews.AwaitingSignOff::row)
                .containsExactly(tuple("T01", FEBRUARY, "区发改委.xlsx", 5), tuple("T02", MARCH, "U02/财政局-v2.xlsx", 5));
    }

    @Test
    void regressionIsListedOnlyForATaskSignedOffInThePeriodBefore() {
        Reviews reviews = consolidator.consolidate(MARCH, AS_OF).reviews();
        assertThat(reviews.regressions()).extracting(r -> r.task().code(), Reviews.SignedOffTask::signedOffIn,
                Reviews.SignedOffTask::status).containsExactly(tuple("T03", FEBRUARY, TaskStatus.IN_PROGRESS));

        signOff(FEBRUARY, "T03", null, null);
        assertThat(consolidator.consolidate(MARCH, AS_OF).reviews().regressions()).isEmpty();
    }

    @Test
    void tasksSignedOffInAnEarlierPeriodAreTheSpotCheckCandidates() {
        Reviews reviews = consolidator.consolidate(MARCH, AS_OF).reviews();

        assertThat(reviews.signedOff()).extracting(r -> r.task().code(), Reviews.SignedOffTask::signedOffIn)
                .containsExactly(tuple("T01", FEBRUARY));
        // signed off by March's own review: not yet for a look back
        signOff(MARCH, "T01", "已销号", MARCH);
        assertThat(consolidator.consolidate(MARCH, AS_OF).reviews().signedOff()).isEmpty();
    }

    @Test
    void extensionRequestsOfTheLedgersTasksAreReadInLedgerOrder() {
        Reviews reviews = consolidator.consolidate(MARCH, AS_OF).reviews();

        assertThat(reviews.extensions()).extracting(e -> e.task().code(), e -> e.unit().name(),
                        Reviews.RequestedExtension::deadline, Reviews.RequestedExtension::requested,
                        Reviews.RequestedExtension::reason, Reviews.RequestedExtension::file, Reviews.RequestedExtension::row)
                .containsExactly(
                        tuple("T01", "区发改委", LocalDate.of(2024, 2, 29), LocalDate.of(2024, 5, 31), "补充材料", "U01/区发改委.xlsx", 3),
                        tuple("T03", "区发改委", LocalDate.of(2024, 4, 10), LocalDate.of(2024, 6, 30), "需待市级政策出台",
                                "U01/区发改委.xlsx", 4));
        assertThat(reviews.ledgerVersion()).isEqualTo("fixture-ledger");
    }

    @Test
    void eachGroupsWorkbookListsItsOwnTasks() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        List<SignOffReview> reviews = ReviewWorkbooks.signOffs(march, 0.10);

        assertThat(reviews).extracting(SignOffReview::group).containsExactly(G1, G2);
        SignOffReview first = reviews.get(0);
        assertThat(first.pending()).extracting(SignOffReview.Pending::taskCode, SignOffReview.Pending::leadUnit,
                SignOffReview.Pending::deadline).containsExactly(tuple("T02", "区财政局", "长期坚持"));
        assertThat(first.rechecks()).extracting(SignOffReview.Recheck::reason, SignOffReview.Recheck::taskCode)
                .containsExactly(tuple(SignOffReview.Reason.REGRESSION, "T03"), tuple(SignOffReview.Reason.SPOT_CHECK, "T01"));
        assertThat(reviews.get(1).pending()).isEmpty();
        assertThat(reviews.get(1).rechecks()).isEmpty();
        assertThat(ReviewWorkbooks.extensions(march).requests()).extracting(ExtensionReview.Request::taskCode,
                ExtensionReview.Request::ledgerDeadline, ExtensionReview.Request::deadlineDay)
                .containsExactly(tuple("T01", "2024-02-29", LocalDate.of(2024, 2, 29)),
                        tuple("T03", "2024-04-10", LocalDate.of(2024, 4, 10)));
    }

    @Test
    void theExtensionWorkbookShowsTheDeadlineTheRequestAskedToMoveEvenOnceGranted() {
        jdbc.update("""
                INSERT INTO deadline_extension (period, task_code, granted, previous, requested, extended_to, decided_by,
                    decided_on, file, excel_row, opinion)
                VALUES ('2024-03', 'T03', TRUE, DATE '2024-04-10', DATE '2024-06-30', DATE '2024-05-31', '李四', NULL,
                    'reviews/2024-03/延期审批表.xlsx', 5, NULL)""");

        assertThat(ReviewWorkbooks.extensions(consolidator.consolidate(MARCH, AS_OF)).requests())
                .filteredOn(r -> r.taskCode().equals("T03"))
                .extracting(ExtensionReview.Request::deadline, ExtensionReview.Request::deadlineDay)
                .containsExactly(tuple("2024-04-10", LocalDate.of(2024, 4, 10)));
    }

    @Test
    void groupFileNameKeepsOnlyCharactersEveryFileSystemTakes() {
        assertThat(ReviewWorkbooks.signOffFile("第一督查组")).isEqualTo("销号审核/第一督查组-销号审核表.xlsx");
        assertThat(ReviewWorkbooks.signOffFile("第一/二督查组:东片")).isEqualTo("销号审核/第一_二督查组_东片-销号审核表.xlsx");
    }

    @Test
    void reportWritesEveryGroupsWorkbookAndTheExtensionWorkbook() throws IOException {
        Path output = root.resolve("output");
        WrittenReport report = writer.write(consolidator.consolidate(MARCH, AS_OF), output);

        Path folder = output.resolve("2024-03");
        assertThat(report.files()).contains(folder.resolve("销号审核/第一督查组-销号审核表.xlsx"),
                folder.resolve("销号审核/第二督查组-销号审核表.xlsx"), folder.resolve(ReviewLayout.EXTENSION_FILE));
        assertThat(report.consoleSummary()).contains("销号审核表 2 份、延期审批表.xlsx");
        try (OpenedReview empty = OpenedReview.open(folder.resolve("销号审核/第二督查组-销号审核表.xlsx"))) {
            assertThat(empty.marker()).containsEntry(ReviewLayout.GROUP, G2).containsEntry("ledgerVersion", "fixture-ledger");
        }
    }
}
