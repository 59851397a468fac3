package io.rectify.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ReviewTables;
import io.rectify.TempFolderContext;
import io.rectify.intake.ReviewLayout;
import io.rectify.rule.Rule;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import io.rectify.rule.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly job on the shipped sample ({@code input/}) for 2024-03, which catches up 2024-02
 * first: the seed bulletin's figures exactly, the planned faults of {@link SampleReturns} in the
 * exception list and nothing else, and no file- or row-scope exception from the 54 filled
 * templates of 2024-02 but the one institution two units share.
 */
class SampleNightlyIT extends TempFolderContext {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("nightlyJob")
    Job nightlyJob;
    @Autowired
    JdbcClient jdbc;

    /** The 2024-03 summary.json of the one run the tests share (the database and outputs are the class's). */
    private static JsonNode summary;

    @BeforeEach
    void runNightlyOnTheSampleOnce() throws Exception {
        if (summary != null) {
            return;
        }
        Path output = root.resolve("output");
        JobExecution execution = jobOperator.start(nightlyJob, new JobParametersBuilder()
                .addString("input", Path.of("input").toAbsolutePath().toString())
                .addString("output", output.toString())
                .addString("period", "2024-03")
                .addLong("run.at", 1L)
                .toJobParameters());
        assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        summary = JsonMapper.builder().build().readTree(Files.readString(output.resolve("2024-03/summary.json")));
    }

    @Test
    void headlineFiguresAreTheSeedBulletins() {
        assertThat(summary.get("asOf").asString()).isEqualTo("2024-03-31");
        assertThat(summary.get("completedMeans").asString()).isEqualTo("reported");
        assertThat(summary.get("problems").get("total").asInt()).isEqualTo(79);
        assertThat(summary.get("problems").get("completed").asInt()).isEqualTo(76);
        assertThat(summary.get("tasks").get("total").asInt()).isEqualTo(427);
        assertThat(summary.get("tasks").get("completed").asInt()).isEqualTo(418);
        assertThat(summary.get("tasks").get("overdue").asInt()).isZero();
        assertThat(summary.get("accountability").toString())
                .isEqualTo("{\"caseFiled\":18,\"disciplined\":11,\"admonished\":2,\"organizational\":18}");
        assertThat(summary.get("institutions").toString()).isEqualTo("{\"created\":59,\"revised\":6}");
    }

    @Test
    void submissionsShowTheMissingAndTheLateReturn() {
        JsonNode submissions = summary.get("submissions");
        assertThat(submissions.get("expected").asInt()).isEqualTo(54);
        assertThat(submissions.get("accepted").asInt()).isEqualTo(53);
        assertThat(submissions.get("missing").asInt()).isEqualTo(1);
        assertThat(submissions.get("late").asInt()).isEqualTo(1);
        assertThat(submissions.get("rejectedFiles").asInt()).isZero();
    }

    @Test
    void exceptionListHoldsThePlannedFaultsAndNothingElse() {
        List<String> exceptions = jdbc.sql("""
                        SELECT rule, unit_name, task_code, file FROM rule_exception WHERE period = '2024-03' ORDER BY seq""")
                .query((rs, n) -> String.join("|", rs.getString(1), blank(rs.getString(2)), blank(rs.getString(3)),
                        blank(rs.getString(4))))
                .list();

        String education = SampleReturns.WITH_COPIES + "/" + SampleReturns.WITH_COPIES + "-2024年3月整改进展.xlsx";
        assertThat(exceptions).containsExactlyInAnyOrder(
                "missing-return|" + SampleReturns.MISSING + "||",
                "late-submission|" + SampleReturns.LATE + "||" + SampleReturns.GROUP_FOLDER_OF + "/U51-浦江镇-2024-03.xlsx",
                "superseded|" + SampleReturns.CORRECTED + "||" + SampleReturns.CORRECTED + "-2024年3月整改进展.xlsx",
                "unknown-task|" + SampleReturns.OWN_ROW + "||" + SampleReturns.GROUP_FOLDER_OF + "/颛桥镇-3月份整改进展情况.xlsx",
                "missing-completion-date|" + SampleReturns.DATE_CLEARED + "|" + SampleReturns.DATE_CLEARED_TASK
                        + "|区委组织部-2024年3月整改进展.xlsx",
                "invalid-date|" + SampleReturns.PLANNED_DATE + "|" + SampleReturns.PLANNED_DATE_TASK
                        + "|U19-区规划资源局-2024-03.xlsx",
                "regression|" + SampleReturns.REGRESSED + "|" + SampleProgress.REGRESSION + "|" + SampleReturns.GROUP_FOLDER_OF + "/梅陇镇-2024年3月整改进展.xlsx",
                "duplicate-institution|区科委||U13-区科委-2024-03.xlsx",
                "duplicate-institution|大零号湾管委会||" + SampleReturns.GROUP_FOLDER_OF + "/大零号湾管委会-2024年3月整改进展.xlsx",
                "missing-evidence|" + SampleReturns.NO_EVIDENCE + "|" + SampleReturns.NO_EVIDENCE_TASK
                        + "|U17-区财政局-2024-03.xlsx",
                "ledger-field-changed|" + SampleReturns.DEADLINE_EDITED + "|" + SampleReturns.DEADLINE_EDITED_TASK
                        + "|区建设管理委-2024年3月整改进展.xlsx",
                "completed-late|区建设管理委|P43-01|区建设管理委-2024年3月整改进展.xlsx",
                "completed-late|区机管局|P55-02|U11-区机管局-2024-03.xlsx",
                "completed-late|区人社局|P72-05|区人社局-2024年3月整改进展.xlsx",
                "duplicate-file|" + SampleReturns.WITH_COPIES + "||" + SampleReturns.WITH_COPIES + "/备份/"
                        + SampleReturns.WITH_COPIES + "-2024年3月整改进展.xlsx",
                "skipped-file|||" + education.replace("/区教育局-", "/~$区教育局-"));
    }

    @Test
    void filledTemplatesOfFebruaryGiveNoFileOrRowExceptionButTheSharedInstitution() {
        List<Rule> rules = jdbc.sql("SELECT rule FROM rule_exception WHERE period = '2024-02'")
                .query((rs, n) -> Rule.of(rs.getString(1)))
                .list();

        assertThat(rules).filteredOn(rule -> rule.scope() == Rule.Scope.FILE || rule.scope() == Rule.Scope.ROW)
                .containsExactly(Rule.DUPLICATE_INSTITUTION, Rule.DUPLICATE_INSTITUTION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM return_file WHERE period = '2024-02' AND outcome = 'accepted'")
                .query(Integer.class).single()).isEqualTo(54);
    }

    @Test
    void reviewWorkbooksOfBothPeriodsAreAllAcceptedWithoutAReviewException() {
        assertThat(jdbc.sql("SELECT period, outcome, COUNT(*) FROM review_file GROUP BY period, outcome ORDER BY period")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list())
                .containsExactly("2024-02 accepted 6", "2024-03 accepted 5");
        assertThat(jdbc.sql("SELECT rule FROM rule_exception WHERE rule LIKE 'review-%'").query(String.class).list()).isEmpty();
    }

    @Test
    void februarySignsOffAllButTheReturnedAndTheUndecidedTasks() {
        assertThat(signOffs("2024-02")).isEqualTo(Map.of(SignOff.SIGNED_OFF.word(), 347, SignOff.AWAITING.word(), 3));
        assertThat(jdbc.sql("SELECT task_code FROM task_status WHERE period = '2024-02' AND sign_off = ?")
                .param(SignOff.AWAITING.word()).query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(SampleReviews.FEBRUARY_UNDECIDED);
        assertThat(jdbc.sql("SELECT status FROM task_status WHERE period = '2024-02' AND task_code = ?")
                .param(SampleProgress.RETURNED).query(String.class).single()).isEqualTo(TaskStatus.IN_PROGRESS.word());
    }

    @Test
    void returnedTaskIsASignoffReturnedErrorOfItsUnitQuotingTheGroupsOpinion() {
        assertThat(jdbc.sql("""
                        SELECT unit_name, task_code, message FROM rule_exception WHERE rule = 'signoff-returned'""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list())
                .singleElement().satisfies(line -> {
                    assertThat(line.subList(0, 2)).containsExactly("新虹街道", SampleProgress.RETURNED);
                    assertThat(line.get(2)).contains(SampleReviews.RETURN_OPINION);
                });
    }

    @Test
    void marchSignsOffAllButTheUndecidedTasksWhileTheHeadlineStaysReportedCompletion() {
        assertThat(signOffs("2024-03")).isEqualTo(Map.of(SignOff.SIGNED_OFF.word(), 415, SignOff.AWAITING.word(), 2));
        assertThat(summary.get("tasks").get("signedOff").asInt()).isEqualTo(415);
        assertThat(summary.get("tasks").get("awaitingSignOff").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT signed_off_period FROM task_status WHERE period = '2024-03' AND task_code = ?")
                .param(SampleProgress.RETURNED).query(String.class).single()).as("signed off once reported again")
                .isEqualTo("2024-03");
    }

    @Test
    void oneSpotCheckConfirmsATaskSignedOffInFebruary() {
        List<String> confirmed = jdbc.sql("SELECT task_code FROM review_decision WHERE period = '2024-03' AND verdict = ?")
                .param(Verdict.CONFIRMED.word()).query(String.class).list();
        assertThat(confirmed).hasSize(1);
        assertThat(jdbc.sql("SELECT signed_off_period FROM task_status WHERE period = '2024-03' AND task_code = ?")
                .param(confirmed.get(0)).query(String.class).single()).isEqualTo("2024-02");
    }

    @Test
    void februarysExtensionRequestsAreOneGrantedAndOneRefused() {
        assertThat(jdbc.sql("SELECT task_code, granted, extended_to FROM deadline_extension ORDER BY task_code")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3)).list())
                .containsExactly(SampleExtensions.REFUSED.task() + " false null",
                        SampleExtensions.GRANTED.task() + " true " + SampleExtensions.GRANTED.grantedTo());
        assertThat(jdbc.sql("""
                        SELECT rule, unit_name, task_code FROM rule_exception
                        WHERE period = '2024-02' AND rule LIKE 'extension-%' ORDER BY rule""")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly("extension-granted 区民政局 " + SampleExtensions.GRANTED.task(),
                        "extension-refused 七宝镇 " + SampleExtensions.REFUSED.task());
    }

    @Test
    void marchsReviewWorkbooksListTheUndecidedTasksTheRegressionAndTheSpotChecksTheGroupsWereGiven() throws IOException {
        Path march = root.resolve("output/2024-03");
        assertThat(ReviewTables.signOffWorkbooks(march).stream()
                .flatMap(w -> ReviewTables.rows(w, ReviewLayout.SIGN_OFF_SHEET).stream())
                .map(row -> row.get(ReviewLayout.TASK_CODE)).toList())
                .containsExactlyInAnyOrderElementsOf(SampleReviews.MARCH_UNDECIDED);
        List<Map<String, String>> rechecks = ReviewTables.signOffWorkbooks(march).stream()
                .flatMap(w -> ReviewTables.rows(w, ReviewLayout.RECHECK_SHEET).stream()).toList();
        assertThat(rechecks).filteredOn(row -> row.get(ReviewLayout.RECHECK_REASON).equals(ReviewLayout.REGRESSION))
                .extracting(row -> row.get(ReviewLayout.TASK_CODE)).containsExactly(SampleProgress.REGRESSION);
        // the sample's March workbooks, filled by the groups, hold the very spot checks the nightly draws
        List<String> given = new ArrayList<>();
        try (Stream<Path> files = Files.list(SampleInputs.reviews(Path.of("input")).resolve("2024-03"))) {
            files.sorted().forEach(w -> ReviewTables.rows(w, ReviewLayout.RECHECK_SHEET).stream()
                    .filter(row -> row.get(ReviewLayout.RECHECK_REASON).equals(ReviewLayout.SPOT_CHECK))
                    .forEach(row -> given.add(row.get(ReviewLayout.TASK_CODE))));
        }
        assertThat(rechecks).filteredOn(row -> row.get(ReviewLayout.RECHECK_REASON).equals(ReviewLayout.SPOT_CHECK))
                .extracting(row -> row.get(ReviewLayout.TASK_CODE)).isNotEmpty().containsExactlyInAnyOrderElementsOf(given);
    }

    private Map<String, Integer> signOffs(String period) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT sign_off, COUNT(*) FROM task_status WHERE period = ? AND sign_off IS NOT NULL GROUP BY sign_off")
                .param(period).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
