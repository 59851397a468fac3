package io.rectify.reconcile;

import static io.rectify.rule.Severity.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign-off (docs/REVIEWS.md): a task reported 已完成 with evidence awaits sign-off, the group's 销号审核表 of the
 * period signs it off or returns it, 回头看 checks it again. U01 (第一督查组) leads P01-01 and P01-02, U02 (第一督查组)
 * leads P02-01, U03 (第二督查组) leads P02-02.
 */
class SignOffTest extends ReconcileTestSupport {

    private static final String FIRST = "第一督查组";
    private static final String REVIEW = "reviews/2024-02/第一督查组-销号审核表.xlsx";

    /** U01's return of a period reporting P01-02 已完成 on 2024-02-20 with evidence, and P01-01 推进中. */
    private static ReturnFixture completed(String period) {
        return ReturnFixture.unit("U01").period(period).row("P01-01", "推进中")
                .row("P01-02", "已完成", "2024-02-20", "专项检查已完成", "检查报告");
    }

    /** U02's return of a period reporting P02-01 已完成 on 2024-02-10 with evidence. */
    private static ReturnFixture u02Completed(String period) {
        return ReturnFixture.unit("U02").period(period).row("P02-01", "已完成", "2024-02-10", "制度已印发", "闵财〔2024〕1号");
    }

    /** P01-02 and P02-01 reported 已完成 with evidence in 2024-02 and signed off by that month's review. */
    private void bothTasksSignedOffInFebruary() {
        reconcile(period("2024-02").add(completed("2024-02"), u02Completed("2024-02"))
                .review(ReviewFixture.signOff(FIRST, "2024-02").signOffRow("P01-02", "同意销号", null)
                        .signOffRow("P02-01", "同意销号", null)));
    }

    /** A task's stored sign-off in a period: "signOff signedOffPeriod". */
    private String signOff(String period, String task) {
        return jdbc.sql("SELECT sign_off, signed_off_period FROM task_status WHERE period = ? AND task_code = ?")
                .params(period, task).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
    }

    @Test
    void completedWithEvidenceAwaitsSignOffAndWithoutEvidenceDoesNot() {
        reconcile(period("2024-02").add(completed("2024-02"),
                ReturnFixture.unit("U02").period("2024-02").row("P02-01", "已完成", "2024-02-10", "制度已印发")));

        assertThat(signOff("2024-02", "P01-02")).isEqualTo("待销号 null");
        assertThat(signOff("2024-02", "P02-01")).isEqualTo("null null");
        assertThat(signOff("2024-02", "P01-01")).isEqualTo("null null");
        assertThat(only("2024-02", Rule.MISSING_EVIDENCE).message()).contains("补充后方可提请督查组销号");
    }

    @Test
    void approvedTaskIsSignedOffFromThatPeriodOnWhileStillReportedCompleted() {
        reconcile(period("2024-02").add(completed("2024-02"))
                .review(ReviewFixture.signOff(FIRST, "2024-02").signOffRow("P01-02", "同意销号", null)));
        reconcile(period("2024-03").add(completed("2024-03")));

        assertThat(signOff("2024-02", "P01-02")).isEqualTo("已销号 2024-02");
        assertThat(status("2024-02", "P01-02")).isEqualTo("已完成 2024-02-20 2024-02");
        assertThat(signOff("2024-03", "P01-02")).isEqualTo("已销号 2024-02");
        assertThat(exceptions("2024-02")).filteredOn(e -> e.file() != null && e.file().startsWith("reviews/")).isEmpty();
        assertThat(jdbc.sql("SELECT task_code || ' ' || verdict || ' ' || excel_row FROM review_decision WHERE period = '2024-02'")
                .query(String.class).list()).containsExactly("P01-02 同意销号 8");
        assertThat(jdbc.sql("SELECT kind || ' ' || group_name || ' ' || reviewer || ' ' || reviewed_on || ' ' || outcome "
                + "FROM review_file WHERE period = '2024-02'").query(String.class).single())
                .isEqualTo("sign-off 第一督查组 张三 2024-03-03 accepted");
    }

    @Test
    void returnedTaskIsInProgressAgainAndItsUnitIsToldWhyUntilItReportsAgain() {
        reconcile(period("2024-02").add(completed("2024-02"))
                .review(ReviewFixture.signOff(FIRST, "2024-02").signOffRow("P01-02", "退回", "佐证材料不足，缺少检查整改台账")));

        assertThat(status("2024-02", "P01-02")).isEqualTo("推进中 null 2024-02");
        assertThat(signOff("2024-02", "P01-02")).isEqualTo("null null");
        ExceptionEntry returned = only("2024-02", Rule.SIGNOFF_RETURNED);
        assertEntry(returned, ERROR, "U01", "P01-02", "U01.xlsx", ReturnFixture.FIRST_ROW + 1, "B", "已完成");
        assertThat(returned.group()).isEqualTo(FIRST);
        assertThat(returned.message()).isEqualTo("任务“P01-02”报已完成，第一督查组审核未同意销号，予以退回，审核意见："
                + "“佐证材料不足，缺少检查整改台账”；该任务已按推进中统计，请按审核意见整改，完成后在报送表中重新报为已完成并补充佐证材料");

        reconcile(period("2024-03").add(completed("2024-03")));

        assertThat(signOff("2024-03", "P01-02")).isEqualTo("待销号 null");
        assertThat(exceptions("2024-03", Rule.REGRESSION)).isEmpty();
        assertThat(exceptions("2024-03", Rule.SIGNOFF_RETURNED)).isEmpty();
    }

    @Test
    void deadlineRulesJudgeTheStateAfterTheReviewsSoAReturnedLateTaskIsOverdueNotCompletedLate() {
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03")
                        .row("P01-01", "已完成", "2024-03-25", "联审机制已建立", "会议纪要").row("P01-02", "推进中"))
                .review(ReviewFixture.signOff(FIRST, "2024-03").signOffRow("P01-01", "退回", "未见联审记录")));

        assertThat(exceptions("2024-03", Rule.COMPLETED_LATE)).isEmpty();
        assertEntry(only("2024-03", Rule.OVERDUE), ERROR, "U01", "P01-01", "U01.xlsx", ReturnFixture.FIRST_ROW, "B", "已完成");
    }

    @Test
    void spotCheckFoundUntrueReopensTheTaskAndTrueChangesNothing() {
        bothTasksSignedOffInFebruary();
        reconcile(period("2024-03").add(completed("2024-03"),
                        u02Completed("2024-03"))
                .review(ReviewFixture.signOff(FIRST, "2024-03").recheckRow("P01-02", "不属实", "检查未覆盖全部项目")
                        .recheckRow("P02-01", "属实", null)));

        assertThat(status("2024-03", "P01-02")).isEqualTo("推进中 null 2024-03");
        assertThat(signOff("2024-03", "P01-02")).isEqualTo("null null");
        ExceptionEntry failed = only("2024-03", Rule.RECHECK_FAILED);
        assertEntry(failed, ERROR, "U01", "P01-02", "U01.xlsx", ReturnFixture.FIRST_ROW + 1, "B", "已完成");
        assertThat(failed.message()).startsWith("任务“P01-02”已于2024年2月销号，第一督查组回头看复核不属实，复核意见：“检查未覆盖全部项目”；销号已撤销");
        assertThat(signOff("2024-03", "P02-01")).isEqualTo("已销号 2024-02");
        assertThat(jdbc.sql("SELECT task_code || ' ' || verdict FROM review_decision WHERE period = '2024-03' ORDER BY excel_row")
                .query(String.class).list()).containsExactly("P01-02 不属实", "P02-01 属实");
    }

    @Test
    void regressionOfASignedOffTaskLosesItsSignOff() {
        reconcile(period("2024-02").add(completed("2024-02"))
                .review(ReviewFixture.signOff(FIRST, "2024-02").signOffRow("P01-02", "同意销号", null)));
        reconcile(period("2024-03").add(ReturnFixture.unit("U01").period("2024-03").row("P01-01", "推进中")
                .row("P01-02", "推进中", "", "发现新问题")));

        assertThat(signOff("2024-03", "P01-02")).isEqualTo("null null");
        assertThat(only("2024-03", Rule.REGRESSION).message()).contains("已报已完成并已销号", "销号已撤销，该任务将列入督查组回头看");
    }

    @Test
    void everyInvalidReviewRowIsRejectedAtItsCellForTheGroupAndChangesNothing() {
        reconcile(period("2024-02").add(completed("2024-02"),
                        u02Completed("2024-02"),
                        ReturnFixture.unit("U03").period("2024-02").row("P02-02", "已完成", "2024-02-11", "已完成", "报告"))
                .review(ReviewFixture.signOff(FIRST, "2024-02")
                        .signOffRow("P09-09", "同意销号", null)
                        .signOffRow("P01-01", "同意销号", null)
                        .signOffRow("P02-02", "同意销号", null)
                        .signOffRow("P02-01", "通过", null)
                        .signOffRow("P02-01", "退回", null)
                        .signOffRow("P01-02", "同意销号", null)
                        .signOffRow("P01-02", "退回", "重复")
                        .signOffRow("", "同意销号", null)
                        .recheckRow("P01-02", "属实", null)));

        List<ExceptionEntry> review = exceptions("2024-02").stream().filter(e -> REVIEW.equals(e.file())).toList();
        assertThat(review).allSatisfy(e -> {
            assertThat(e.group()).isEqualTo(FIRST);
            assertThat(e.unitCode()).isNull();
            assertThat(e.severity()).isEqualTo(ERROR);
        });
        assertThat(review).extracting(e -> e.rule().code() + " " + e.sheet() + "!" + e.column() + e.row() + " " + e.value()
                + " " + e.taskCode()).containsExactly(
                "review-unknown-task 销号审核!A8 P09-09 null",
                "review-not-pending 销号审核!A9 P01-01 P01-01",
                "review-not-pending 销号审核!A10 P02-02 P02-02",
                "review-invalid-decision 销号审核!B11 通过 P02-01",
                "review-missing-opinion 销号审核!C12 null P02-01",
                "duplicate-task-row 销号审核!A14 P01-02 P01-02",
                "review-unknown-task 销号审核!A15 null null",
                "review-not-pending 回头看!A2 P01-02 P01-02");
        assertThat(review.get(2).message()).isEqualTo("第10行任务“P02-02”的牵头单位“区教育局”属于第二督查组，不属本组（第一督查组），"
                + "本行未采纳；请只审核本组单位牵头的任务");
        assertThat(review.get(3).message()).isEqualTo("第11行任务“P02-01”审核结论“通过”无效，本行未采纳；请从下拉列表中选择“同意销号”或“退回”");
        assertThat(review.get(4).message()).contains("审核结论为“退回”，但未填写审核意见");
        assertThat(signOff("2024-02", "P02-01")).isEqualTo("待销号 null");
        assertThat(signOff("2024-02", "P02-02")).isEqualTo("待销号 null");
        assertThat(signOff("2024-02", "P01-02")).isEqualTo("已销号 2024-02");
        assertThat(exceptions("2024-02", Rule.SIGNOFF_RETURNED)).isEmpty();
    }

    @Test
    void everyInvalidRecheckRowIsRejectedAtItsCellAndKeepsTheSignOff() {
        bothTasksSignedOffInFebruary();
        reconcile(period("2024-03").add(completed("2024-03"),
                        u02Completed("2024-03"))
                .review(ReviewFixture.signOff(FIRST, "2024-03").recheckRow("P01-02", "同意销号", null)
                        .recheckRow("P02-01", "不属实", null)
                        .recheckRow("P09-09", "不属实", "无此任务")));

        assertThat(exceptions("2024-03").stream().filter(e -> e.file() != null && e.file().startsWith("reviews/")))
                .extracting(e -> e.rule().code() + " " + e.sheet() + "!" + e.column() + e.row() + " " + e.value() + " "
                        + e.group() + " " + e.unitCode()).containsExactly(
                        "review-invalid-decision 回头看!B2 同意销号 第一督查组 null",
                        "review-missing-opinion 回头看!C3 null 第一督查组 null",
                        "review-unknown-task 回头看!A4 P09-09 第一督查组 null");
        assertThat(signOff("2024-03", "P01-02")).isEqualTo("已销号 2024-02");
        assertThat(signOff("2024-03", "P02-01")).isEqualTo("已销号 2024-02");
        assertThat(exceptions("2024-03", Rule.RECHECK_FAILED)).isEmpty();
    }

    @Test
    void reviewWorkbooksOfAnotherGroupOrPeriodOrUnreadableAreRejectedCopiesAreDuplicatesOthersSkippedAndTheLatestOfAGroupIsUsed() {
        ReviewFixture earlier = ReviewFixture.signOff(FIRST, "2024-02").file("初稿/第一督查组-销号审核表.xlsx")
                .metadata("审核日期", LocalDate.of(2024, 3, 2)).signOffRow("P01-02", "退回", "再核实");
        reconcile(period("2024-02").add(completed("2024-02")).review(
                ReviewFixture.signOff("第九督查组", "2024-02").signOffRow("P01-02", "退回", "不属本组"),
                ReviewFixture.signOff(FIRST, "2024-02").file("一月/第一督查组.xlsx").metadata("审核期次", "2024-01")
                        .signOffRow("P01-02", "退回", "错期"),
                earlier,
                ReviewFixture.signOff(FIRST, "2024-02").signOffRow("P01-02", "同意销号", null),
                ReviewFixture.signOff(FIRST, "2024-02").file("副本/第一督查组-销号审核表.xlsx")
                        .signOffRow("P01-02", "同意销号", null)).reviewOther("第二督查组/审核说明.docx")
                .reviewOther("第二督查组/第二督查组-销号审核表.xlsx"));

        List<ExceptionEntry> files = exceptions("2024-02").stream()
                .filter(e -> e.file() != null && e.file().startsWith("reviews/")).toList();
        assertThat(files).extracting(e -> e.rule().code() + " " + e.file() + " " + e.sheet() + "!" + e.column() + e.row()
                + " " + e.value() + " " + e.group()).containsExactlyInAnyOrder(
                "review-mismatch reviews/2024-02/第九督查组-销号审核表.xlsx 销号审核!B2 第九督查组 null",
                "review-mismatch reviews/2024-02/一月/第一督查组.xlsx 销号审核!B3 2024-01 第一督查组",
                "superseded reviews/2024-02/初稿/第一督查组-销号审核表.xlsx null!nullnull null 第一督查组",
                "duplicate-file reviews/2024-02/第一督查组-销号审核表.xlsx null!nullnull null 第一督查组",
                "skipped-file reviews/2024-02/第二督查组/审核说明.docx null!nullnull null 第二督查组",
                "file-unreadable reviews/2024-02/第二督查组/第二督查组-销号审核表.xlsx null!nullnull null 第二督查组");
        assertThat(files).filteredOn(e -> e.rule() == Rule.REVIEW_MISMATCH).extracting(ExceptionEntry::message)
                .containsExactlyInAnyOrder("督查组“第九督查组”不是台账中的督查组，请使用本组的销号审核表，或按台账更正督查组名称后重新提交",
                        "审核期次“2024-01”（2024年1月）与文件所在的期次文件夹“2024-02”不一致，请更正审核期次，"
                                + "或将文件放入对应期次的文件夹（reviews/2024-01/）后重新提交");
        assertThat(jdbc.sql("SELECT path || ' ' || outcome FROM review_file WHERE period = '2024-02' ORDER BY path")
                .query(String.class).list()).containsExactly(
                "一月/第一督查组.xlsx rejected", "初稿/第一督查组-销号审核表.xlsx superseded",
                "副本/第一督查组-销号审核表.xlsx accepted", "第一督查组-销号审核表.xlsx duplicate",
                "第九督查组-销号审核表.xlsx rejected", "第二督查组/审核说明.docx skipped", "第二督查组/第二督查组-销号审核表.xlsx rejected");
        assertThat(signOff("2024-02", "P01-02")).isEqualTo("已销号 2024-02");
    }

    @Test
    void aFileWhereThePeriodsReviewsFolderMustBeIsASkippedFileNamingTheFolderForNoGroup() throws IOException {
        PeriodFolder february = period("2024-02").add(completed("2024-02"));
        Files.createDirectories(february.reviewsFolder().getParent());
        Files.writeString(february.reviewsFolder(), "审核表");

        reconcile(february);

        ExceptionEntry skipped = only("2024-02", Rule.SKIPPED_FILE);
        assertThat(skipped.file() + " " + skipped.group() + " " + skipped.unitCode()).isEqualTo("reviews/2024-02 null null");
        assertThat(skipped.message()).isEqualTo("已跳过：“2024-02”是一个文件而不是文件夹，本期的文件均未读取；"
                + "请移走或改名该文件，新建名为“2024-02”的文件夹并放入文件");
        assertThat(signOff("2024-02", "P01-02")).isEqualTo("待销号 null");
    }

    @Test
    void reconcilingAgainGivesTheSameStoredState() {
        PeriodFolder february = period("2024-02").add(completed("2024-02"))
                .review(ReviewFixture.signOff(FIRST, "2024-02").signOffRow("P01-02", "退回", "佐证不足").signOffRow("P09", "退回", "x"));
        reconcile(february);
        List<ExceptionEntry> first = exceptions("2024-02");
        List<String> stored = storedReviews();

        reconcile(february);

        assertThat(exceptions("2024-02")).isEqualTo(first);
        assertThat(storedReviews()).isEqualTo(stored).containsExactly("第一督查组-销号审核表.xlsx accepted P01-02 退回 佐证不足", "P01-02 推进中 -");
    }

    private List<String> storedReviews() {
        return jdbc.sql("""
                SELECT f.path || ' ' || f.outcome || ' ' || COALESCE(d.task_code || ' ' || d.verdict || ' ' || d.opinion, '-')
                FROM review_file f LEFT JOIN review_decision d ON d.file_id = f.id WHERE f.period = '2024-02'
                UNION ALL SELECT task_code || ' ' || status || ' ' || COALESCE(sign_off, '-') FROM task_status
                WHERE period = '2024-02' AND task_code = 'P01-02'""").query(String.class).list();
    }
}
