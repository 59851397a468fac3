package io.rectify.county;

import static io.rectify.county.CountyTask.JUNE;
import static io.rectify.county.CountyTask.MAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ReviewTables;
import io.rectify.county.CountyReviews.Decision;
import io.rectify.intake.ReviewLayout;
import io.rectify.rule.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The sign-off loop on the county's ledger ({@link CountyLedger}, which nobody here wrote), run as
 * the office runs it: May's templates, returns and night; the supervision groups fill the 销号审核表
 * that night wrote by a script ({@link CountyReviews}) and the office puts them into
 * {@code input/reviews/2024-05/}; May's night again; then June's templates, returns and night.
 */
class CountySignOffIT {

    @TempDir
    static Path root;

    private static final CountyLedger LEDGER = CountyLedger.original();
    private static final LocalDate REVIEWED_ON = LocalDate.of(2024, 6, 14);
    private static CountyOffice office;
    /** The May workbooks as the first May night wrote them, before any review. */
    private static Path firstMayNight;
    private static List<Decision> decisions;

    @BeforeAll
    static void mayReviewedThenJune() {
        office = new CountyOffice(root);
        LEDGER.writeToMaster(office.input());
        office.run("templates", "--period=2024-05");
        new CountyReturns(LEDGER, MAY, office.templates(MAY), office.returns()).write(Map.of());
        office.run("nightly", "--period=2024-05");
        firstMayNight = root.resolve("first-may-night");
        copy(office.output(MAY), firstMayNight);

        decisions = CountyReviews.fill(firstMayNight, office.input().resolve("reviews").resolve(MAY.toString()), REVIEWED_ON);
        office.run("nightly", "--period=2024-05");

        office.run("templates", "--period=2024-06");
        new CountyReturns(LEDGER, JUNE, office.templates(JUNE), office.returns()).write(Map.of());
        office.run("nightly", "--period=2024-06");
    }

    @Test
    void firstReviewWorkbooksListEveryLeadTaskReportedCompletedInMayUnderItsGroup() {
        Set<String> completed = LEDGER.tasks.stream()
                .filter(t -> t.may().status().equals(CountyTask.COMPLETED)).map(CountyTask::code).collect(Collectors.toSet());
        assertThat(decisions).extracting(Decision::task).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(completed);
        assertThat(decisions).allSatisfy(d -> assertThat(LEDGER.unit(LEDGER.task(d.task()).lead()).group())
                .as(d.task()).isEqualTo(d.group()));
        assertThat(decisions).extracting(Decision::group).containsAll(groups());
    }

    @Test
    void mayCountsTheApprovedTasksSignedOffAndTheUndecidedStillAwaiting() {
        JsonNode tasks = CountyOffice.summary(office.output(MAY)).get("tasks");
        assertThat(tasks.get("signedOff").asInt()).isEqualTo(count(Verdict.SIGN_OFF.word()));
        assertThat(tasks.get("awaitingSignOff").asInt()).isEqualTo(count(""));
        assertThat(tasks.get("completed").asInt()).as("reported 已完成, returned tasks no longer")
                .isEqualTo(decisions.size() - CountyReviews.RETURNED);
    }

    @Test
    void eachReturnedTaskIsOneSignoffReturnedErrorOfItsLeadUnitQuotingTheOpinion() {
        List<List<String>> returned = CountyOffice.exceptions(office.output(MAY)).stream()
                .filter(line -> line.get(0).equals("signoff-returned")).toList();
        assertThat(returned).extracting(line -> line.get(5))
                .containsExactlyInAnyOrderElementsOf(tasks(d -> d.verdict().equals(Verdict.RETURN.word())));
        assertThat(returned).allSatisfy(line -> {
            assertThat(line.get(1)).isEqualTo("error");
            assertThat(line.get(3)).isEqualTo(LEDGER.task(line.get(5)).lead());
            assertThat(line.get(11)).contains(CountyReviews.OPINION);
        });
    }

    @Test
    void scriptedReviewsRaiseNoReviewException() {
        assertThat(CountyOffice.exceptions(office.output(MAY))).extracting(line -> line.get(0))
                .noneMatch(rule -> rule.startsWith("review-") || rule.equals("duplicate-file") || rule.equals("superseded"));
    }

    @Test
    void mayWrittenAgainListsOnlyTheUndecidedTasks() {
        assertThat(signOffRows(MAY)).containsExactlyInAnyOrderElementsOf(tasks(d -> d.verdict().isEmpty()));
    }

    /** Returned tasks are reported 已完成 again in June (the units' June returns say so) and wait for sign-off again. */
    @Test
    void juneListsTheReturnedAndTheUndecidedTasksForSignOffAgain() {
        assertThat(signOffRows(JUNE)).containsAll(tasks(d -> !d.verdict().equals(Verdict.SIGN_OFF.word())))
                .doesNotContainAnyElementsOf(tasks(d -> d.verdict().equals(Verdict.SIGN_OFF.word())));
    }

    @Test
    void junesRecheckSheetOfEveryGroupSamplesTasksSignedOffInMay() {
        for (Path workbook : ReviewTables.signOffWorkbooks(office.output(JUNE))) {
            String group = workbook.getFileName().toString().replace(ReviewLayout.SIGN_OFF_SUFFIX, "");
            List<String> approved = decisions.stream()
                    .filter(d -> d.group().equals(group) && d.verdict().equals(Verdict.SIGN_OFF.word()))
                    .map(Decision::task).toList();
            List<Map<String, String>> sample = ReviewTables.rows(workbook, ReviewLayout.RECHECK_SHEET).stream().filter(row -> row.get(ReviewLayout.RECHECK_REASON).equals(ReviewLayout.SPOT_CHECK)).toList();
            assertThat(sample).as(group).isNotEmpty().hasSizeLessThan(approved.size());
            assertThat(sample).as(group).allSatisfy(row -> {
                assertThat(approved).contains(row.get(ReviewLayout.TASK_CODE));
                assertThat(row.get(ReviewLayout.RECHECK_DECISION)).isEmpty();
            });
        }
    }

    private static long count(String verdict) {
        return decisions.stream().filter(d -> d.verdict().equals(verdict)).count();
    }

    private static List<String> tasks(Predicate<Decision> which) {
        return decisions.stream().filter(which).map(Decision::task).toList();
    }

    private static Set<String> groups() {
        return LEDGER.units.stream().map(CountyLedger.CountyUnit::group).collect(Collectors.toSet());
    }

    /** The tasks on the 销号审核 sheets of all groups' workbooks of a period's output. */
    private static List<String> signOffRows(YearMonth period) {
        return ReviewTables.signOffWorkbooks(office.output(period)).stream()
                .flatMap(w -> ReviewTables.rows(w, ReviewLayout.SIGN_OFF_SHEET).stream())
                .map(row -> row.get(ReviewLayout.TASK_CODE)).toList();
    }

    private static void copy(Path from, Path to) {
        try {
            FileSystemUtils.copyRecursively(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
