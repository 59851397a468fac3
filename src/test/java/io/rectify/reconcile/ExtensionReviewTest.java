package io.rectify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Verdict;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of the office's 延期审批表 (docs/REVIEWS.md) checked against the period's accepted requests, and the
 * decisions they give. Requests of 2024-03: P01-01 (U01, due 2024-03-20) to 2024-05-31, P01-02 (U01, due 2024-04-10)
 * to 2024-06-30, P02-02 (U03, due 2024-06-30) to 2024-09-30.
 */
class ExtensionReviewTest {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);

    @TempDir
    Path input;

    private final LedgerIndex ledger = new LedgerIndex(ReconcileTestSupport.ledger());

    private Map<String, ExtensionRequest> requests() {
        return Map.of("P01-01", request("P01-01", "2024-05-31"), "P01-02", request("P01-02", "2024-06-30"),
                "P02-02", request("P02-02", "2024-09-30"));
    }

    private ExtensionRequest request(String task, String requested) {
        var t = ledger.task(task).orElseThrow();
        return new ExtensionRequest(ledger.unit(t.leadUnit()), t, LocalDate.parse(requested), "工程量大", Place.NONE);
    }

    private List<ExtensionDecision> decide(ReviewFixture workbook, Findings findings) {
        PeriodReviews reviews = new PeriodFolder(input, MARCH.toString()).review(workbook).reviews();
        List<ReviewFile> files = new ReviewTriage(ledger, MARCH, findings).triage(reviews);
        return new ReviewCheck(ledger, MARCH, findings).extensions(files, requests());
    }

    @Test
    void decidedRowsOfRequestsOfThePeriodBecomeDecisionsWithWhoDecidedAndWhen() {
        Findings findings = new Findings(ledger);
        List<ExtensionDecision> decisions = decide(ReviewFixture.extension("2024-03")
                .extensionRow("P01-01", "批准", null, null)
                .extensionRow("P01-02", "批准", LocalDate.of(2024, 7, 15), "同意")
                .extensionRow("P02-02", "不批准", null, "理由不充分")
                .extensionRow("P02-01", "", null, null), findings);

        assertThat(findings.entries()).isEmpty();
        assertThat(decisions).extracting(d -> d.request().task().code() + " " + d.verdict() + " " + d.extendedTo() + " "
                + d.opinion() + " " + d.decidedBy() + " " + d.decidedOn() + " " + d.file() + " " + d.row())
                .containsExactly(
                        "P01-01 批准 2024-05-31 null 李四 2024-04-03 reviews/2024-03/延期审批表.xlsx 8",
                        "P01-02 批准 2024-07-15 同意 李四 2024-04-03 reviews/2024-03/延期审批表.xlsx 9",
                        "P02-02 不批准 null 理由不充分 李四 2024-04-03 reviews/2024-03/延期审批表.xlsx 10");
        assertThat(decisions.get(2).verdict()).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void everyInvalidRowIsRejectedAtItsCellForTheLeadUnitsGroup() {
        Findings findings = new Findings(ledger);
        List<ExtensionDecision> decisions = decide(ReviewFixture.extension("2024-03")
                .extensionRow("P01-01", "批准", null, null)
                .extensionRow("P02-01", "批准", null, null)
                .extensionRow("P09", "批准", null, null)
                .extensionRow("P01-02", "同意", null, null)
                .extensionRow("P01-02", "批准", "下月底", null)
                .extensionRow("P02-02", "批准", LocalDate.of(2024, 6, 30), null)
                .extensionRow("P02-02", "不批准", null, null)
                .extensionRow("P01-01", "不批准", null, "重复"), findings);

        assertThat(decisions).extracting(d -> d.request().task().code()).containsExactly("P01-01");
        assertThat(findings.sorted()).extracting(e -> e.rule().code() + " " + e.sheet() + "!" + e.column() + e.row() + " "
                + e.value() + " " + e.group() + " " + e.unitCode() + " " + e.file()).containsExactly(
                "review-not-pending 延期审批!A9 P02-01 第一督查组 null reviews/2024-03/延期审批表.xlsx",
                "review-invalid-decision 延期审批!B11 同意 第一督查组 null reviews/2024-03/延期审批表.xlsx",
                "review-invalid-decision 延期审批!C12 下月底 第一督查组 null reviews/2024-03/延期审批表.xlsx",
                "duplicate-task-row 延期审批!A15 P01-01 第一督查组 null reviews/2024-03/延期审批表.xlsx",
                "review-invalid-decision 延期审批!C13 2024-06-30 第二督查组 null reviews/2024-03/延期审批表.xlsx",
                "review-missing-opinion 延期审批!D14 null 第二督查组 null reviews/2024-03/延期审批表.xlsx",
                "review-unknown-task 延期审批!A10 P09 null null reviews/2024-03/延期审批表.xlsx");
        assertThat(findings.sorted()).extracting(ExceptionEntry::message).contains(
                "第12行任务“P01-02”批准延期至“下月底”无法识别为日期，本行未采纳；请填写日期（如2024-09-30），或留空表示按申请的日期批准",
                "第13行任务“P02-02”批准延期至2024年6月30日不晚于现完成时限2024年6月30日，本行未采纳；请填写晚于现完成时限的日期",
                "第9行任务“P02-01”本期没有已受理的延期申请，本行未采纳；请只对本期生成的延期审批表所列申请作出审批结论");
    }
}
