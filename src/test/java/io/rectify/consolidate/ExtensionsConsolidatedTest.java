package io.rectify.consolidate;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.FEBRUARY;
import static io.rectify.consolidate.ReconciledFixture.MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Extensions as consolidation sees them. A period is consolidated with the deadlines in force for it: the
 * ledger's, moved by the extensions granted in it or before. T04 (U03, 2024年3月15日前) was extended in February;
 * T03 (U01, 2024-04-10) only in April.
 */
class ExtensionsConsolidatedTest extends ConsolidatedMarch {

    @BeforeEach
    void extend() {
        storeFixture();
        decide(FEBRUARY, "T04", true, "2024-06-30");
        decide(YearMonth.of(2024, 4), "T03", true, "2024-05-31");
        decide(MARCH, "T05", false, null);
    }

    @Test
    void laterPeriodShowsTheDeadlineExtendedBeforeItBesideTheLedgersOwn() {
        Map<String, String> deadlines = deadlines(consolidator.consolidate(MARCH, AS_OF));

        assertThat(deadlines).containsEntry("T04", "2024年3月15日前（延期至2024年6月30日）")
                .containsEntry("T03", "2024-04-10")
                .containsEntry("T05", "2024-12-31");
    }

    @Test
    void extensionGrantedLaterIsNotInForceForAnEarlierPeriod() {
        jdbc.update("DELETE FROM deadline_extension WHERE period = '2024-02'");
        decide(MARCH, "T04", true, "2024-06-30");

        assertThat(deadlines(consolidator.consolidate(FEBRUARY, FEBRUARY.atEndOfMonth()))).containsEntry("T04", "2024年3月15日前");
        assertThat(deadlines(consolidator.consolidate(MARCH, AS_OF))).containsEntry("T04", "2024年3月15日前（延期至2024年6月30日）");
    }

    @Test
    void rejectedExtensionRequestLeavesTheTasksProgressOnTheReceiptAsReported() {
        new ReconciledFixture(jdbc).exception(MARCH, 100, "extension-too-late", ReconciledFixture.G1, "U01", "区发改委",
                "P01", "T01", "U01/区发改委.xlsx", "延期申请", 2, "A", "T01", "“延期申请”表第2行任务“T01”申请延期至…，本行未采纳");

        UnitReceipt u01 = consolidator.consolidate(MARCH, AS_OF).receipts().get(0);

        assertThat(u01.tasks()).filteredOn(t -> t.task().code().equals("T01")).singleElement()
                .satisfies(t -> assertThat(t.rejection()).as("its 整改进展 row was not rejected").isNull());
        assertThat(u01.rejectedRowsOutsideTasks()).isEmpty();
        assertThat(u01.exceptions()).extracting(e -> e.rule().code()).contains("extension-too-late");
    }

    /** Each task's deadline text on the receipts, by task code. */
    private static Map<String, String> deadlines(Consolidation consolidation) {
        return consolidation.receipts().stream().flatMap(r -> r.tasks().stream())
                .collect(Collectors.toMap(t -> t.task().code(), t -> t.task().deadline().text(), (a, b) -> a));
    }

    private void decide(YearMonth period, String task, boolean granted, String extendedTo) {
        jdbc.update("""
                INSERT INTO deadline_extension (period, task_code, granted, previous, requested, extended_to, decided_by,
                    decided_on, file, excel_row, opinion)
                VALUES (?, ?, ?, DATE '2024-03-15', DATE '2024-06-30', ?, '李四', NULL, 'reviews/延期审批表.xlsx', 5, NULL)""",
                period.toString(), task, granted, extendedTo == null ? null : Date.valueOf(extendedTo));
    }
}
