package io.rectify.consolidate;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.FEBRUARY;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rectify.ledger.Unit;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsolidatorTest extends ConsolidatedMarch {

    @BeforeEach
    void storeTwoPeriods() {
        storeFixture();
    }

    @Test
    void problemIsRectifiedOnlyWhenAllItsTasksAreCompleted() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.byProblem()).extracting(ProblemFigures::code, ProblemFigures::rectified)
                .containsExactly(tuple("P01", true), tuple("P02", false), tuple("P03", false));
        assertThat(march.headline().problems()).isEqualTo(new ProblemCount(3, 1, 0));
        // in February T02 of P01 was still 推进中
        assertThat(consolidator.consolidate(FEBRUARY, FEBRUARY.atEndOfMonth()).headline().problems())
                .isEqualTo(new ProblemCount(3, 0, 0));
    }

    @Test
    void carriedForwardStatusesAreCountedAndOverdueComesFromTheExceptionList() {
        TaskCount tasks = consolidator.consolidate(MARCH, AS_OF).headline().tasks();

        // T01 (已完成) and T04 (推进中) were carried from February; T04 is overdue, T03 due soon
        assertThat(tasks).isEqualTo(new TaskCount(5, 2, 2, 1, 1, 1, 0, 0));
    }

    @Test
    void aTaskWithoutRecordedStatusCountsAsNotStarted() {
        jdbc.update("DELETE FROM task_status WHERE period = '2024-03' AND task_code = 'T02'");

        TaskCount tasks = consolidator.consolidate(MARCH, AS_OF).headline().tasks();

        assertThat(tasks.total()).isEqualTo(5);
        assertThat(tasks.completed()).isEqualTo(1);
        assertThat(tasks.notStarted()).isEqualTo(2);
    }

    @Test
    void institutionReportedByTwoUnitsCountsOnceByDocNumberAndByName() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.institutions())
                .extracting(Institution::name, i -> i.reportedBy().stream().map(Unit::code).toList())
                .containsExactly(
                        tuple("闵行区政务信息化项目管理办法", java.util.List.of("U01", "U02")),
                        tuple("采购内控管理制度", java.util.List.of("U01", "U02")),
                        tuple("=HYPERLINK(\"http://x\")", java.util.List.of("U02")),
                        tuple("教育系统货物和服务非政府采购暂行办法", java.util.List.of("U03")));
        assertThat(march.headline().institutions()).isEqualTo(new InstitutionCount(3, 1));
    }

    @Test
    void aUnitsLaterAcceptedFileReplacesItsEarlierListsAndARejectedFileKeepsThem() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.institutions()).extracting(Institution::name).doesNotContain("旧制度甲");
        // U03's March file was rejected: its February lists still count
        assertThat(march.accountability()).filteredOn(r -> r.unitCode().equals("U03"))
                .extracting(ListedAccountability::period, ListedAccountability::persons)
                .containsExactly(tuple(FEBRUARY, 2));
        assertThat(consolidator.consolidate(FEBRUARY, FEBRUARY.atEndOfMonth()).institutions())
                .extracting(Institution::name).contains("旧制度甲");
    }

    @Test
    void accountabilityIsSummedByKindOverTheUnitsCurrentLists() {
        assertThat(consolidator.consolidate(MARCH, AS_OF).headline().accountability())
                .isEqualTo(new AccountabilityCount(3, 4, 1, 7));
        assertThat(consolidator.consolidate(FEBRUARY, FEBRUARY.atEndOfMonth()).headline().accountability())
                .isEqualTo(new AccountabilityCount(3, 0, 0, 2));
    }

    @Test
    void submissionsCountExpectedAcceptedMissingLateAndRejectedFiles() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.headline().submissions()).isEqualTo(new SubmissionCount(3, 2, 1, 1, 2));
        assertThat(march.byUnit()).extracting(u -> u.unit().code(), UnitFigures::expected, UnitFigures::submitted,
                        UnitFigures::late, u -> u.rejected().size())
                .containsExactly(tuple("U01", true, true, false, 0), tuple("U02", true, true, true, 0),
                        tuple("U03", true, false, false, 1), tuple("U04", false, false, false, 0));
        assertThat(march.byUnit().get(1).accepted().path()).isEqualTo("U02/财政局-v2.xlsx");
    }

    @Test
    void rollUpsCountLeadTasksByUnitAndGroupAndProblemsByCategoryAndFeedbackPoint() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.byUnit()).extracting(u -> u.unit().code(), UnitFigures::tasks).containsExactly(
                tuple("U01", new TaskCount(2, 1, 1, 0, 0, 1, 0, 0)), tuple("U02", new TaskCount(1, 1, 0, 0, 0, 0, 0, 0)),
                tuple("U03", new TaskCount(2, 0, 1, 1, 1, 0, 0, 0)), tuple("U04", new TaskCount(0, 0, 0, 0, 0, 0, 0, 0)));
        assertThat(march.byGroup()).containsExactly(
                new GroupFigures("第一督查组", 2, 2, 2, new TaskCount(3, 2, 1, 0, 0, 1, 0, 0)),
                new GroupFigures("第二督查组", 2, 1, 0, new TaskCount(2, 0, 1, 1, 1, 0, 0, 0)));
        assertThat(march.byCategory()).extracting(CategoryFigures::name, CategoryFigures::problems,
                        c -> c.tasks().completed(), c -> c.tasks().total())
                .containsExactly(tuple("贯彻落实重大决策部署", new ProblemCount(2, 1, 0), 2, 3),
                        tuple("全面从严治党", new ProblemCount(1, 0, 0), 0, 2));
        assertThat(march.byFeedbackPoint()).extracting(FeedbackPointFigures::category, FeedbackPointFigures::name,
                        FeedbackPointFigures::problems)
                .containsExactly(tuple("贯彻落实重大决策部署", "发挥国家战略平台作用不足", new ProblemCount(2, 1, 0)),
                        tuple("全面从严治党", "主体责任不实", new ProblemCount(1, 0, 0)));
    }

    @Test
    void exceptionsAreCountedBySeverityAndByRuleInListOrder() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        ExceptionCount count = march.headline().exceptions();
        assertThat(count.error()).isEqualTo(4);
        assertThat(count.warning()).isEqualTo(11);
        assertThat(count.info()).isEqualTo(2);
        assertThat(count.byRule()).containsExactly(Map.entry(Rule.UNKNOWN_UNIT, 1), Map.entry(Rule.PERIOD_MISMATCH, 1),
                Map.entry(Rule.LATE_SUBMISSION, 1), Map.entry(Rule.SUPERSEDED, 1), Map.entry(Rule.SKIPPED_FILE, 1),
                Map.entry(Rule.MISSING_EVIDENCE, 1), Map.entry(Rule.LEDGER_FIELD_CHANGED, 7),
                Map.entry(Rule.TASK_NOT_REPORTED, 1), Map.entry(Rule.MISSING_RETURN, 1), Map.entry(Rule.OVERDUE, 1),
                Map.entry(Rule.DUE_SOON, 1));
        assertThat(march.exceptions()).extracting(e -> e.rule().code()).startsWith("unknown-unit", "period-mismatch",
                "superseded", "skipped-file", "late-submission");
    }

    @Test
    void trendShowsEveryProcessedPeriodUpToTheRunsOldestFirst() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.trend()).extracting(PeriodFigures::period).containsExactly(FEBRUARY, MARCH);
        assertThat(march.trend().get(1)).isEqualTo(march.headline());
        PeriodFigures february = march.trend().get(0);
        assertThat(february.tasks()).isEqualTo(new TaskCount(5, 1, 2, 2, 0, 0, 0, 0));
        assertThat(february.submissions()).isEqualTo(new SubmissionCount(3, 3, 0, 0, 0));
        assertThat(february.institutions()).isEqualTo(new InstitutionCount(3, 0));
        assertThat(consolidator.consolidate(FEBRUARY, FEBRUARY.atEndOfMonth()).trend())
                .extracting(PeriodFigures::period).containsExactly(FEBRUARY);
    }

    @Test
    void everyLedgerUnitGetsAReceiptWithItsFilesTasksListsAndExceptions() {
        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.receipts()).extracting(r -> r.unit().unit().code()).containsExactly("U01", "U02", "U03", "U04");
        UnitReceipt u02 = march.receipts().get(1);
        assertThat(u02.files()).extracting(PeriodFile::path, PeriodFile::outcome)
                .containsExactly(tuple("U02/财政局-v1.xlsx", FileOutcome.SUPERSEDED), tuple("U02/财政局-v2.xlsx", FileOutcome.ACCEPTED));
        assertThat(u02.tasks()).extracting(l -> l.task().code(), l -> l.reported().status(), l -> l.state().status())
                .containsExactly(tuple("T02", TaskStatus.COMPLETED, TaskStatus.COMPLETED));
        assertThat(u02.institutions()).hasSize(3);
        assertThat(u02.accountability()).extracting(ListedAccountability::persons).containsExactly(4, 5, 1);
        assertThat(u02.exceptions()).extracting(e -> e.rule().code())
                .containsExactly("superseded", "late-submission", "missing-evidence");
        UnitReceipt u03 = march.receipts().get(2);
        assertThat(u03.tasks()).extracting(l -> l.task().code(), ReceiptTask::reported, l -> l.state().sourcePeriod(),
                        ReceiptTask::overdue)
                .containsExactly(tuple("T04", null, FEBRUARY, true), tuple("T05", null, null, false));
        UnitReceipt u04 = march.receipts().get(3);
        assertThat(u04.files()).isEmpty();
        assertThat(u04.tasks()).isEmpty();
        assertThat(u04.unit().expected()).isFalse();
    }

    @Test
    void aListSheetFlagOfReconcileDecidesWhichFileHoldsAUnitsCurrentList() {
        // U01's March return had no 制度建设 sheet: its February list stands
        jdbc.update("UPDATE return_file SET has_institutions = FALSE WHERE period = '2024-03' AND unit_code = 'U01'");

        Consolidation march = consolidator.consolidate(MARCH, AS_OF);

        assertThat(march.institutions()).filteredOn(i -> i.reportedBy().stream().anyMatch(u -> u.code().equals("U01")))
                .extracting(Institution::name).containsExactly("闵行区政务信息化项目管理办法", "旧制度甲");
    }
}
