package io.rectify.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.TempFolderContext;
import io.rectify.rule.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
