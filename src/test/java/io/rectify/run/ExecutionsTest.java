package io.rectify.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.TempFolderContext;
import io.rectify.cli.CommandRunner;
import io.rectify.ops.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * status, restart and abandon after real nightly runs on {@link OfficeInput} (three months of
 * returns) against a real H2 database. Failures are real too: a regular file where the period's
 * output folder must go makes the report step fail; removing it lets the restart complete.
 */
class ExecutionsTest extends TempFolderContext {

    @Autowired
    CommandRunner runner;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    ExecutionHistory history;
    @Autowired
    RunningJobs runningJobs;
    @Autowired
    @Qualifier("ingestStep")
    Step ingestStep;
    @Autowired
    JdbcTemplate jdbc;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicBoolean stopAfterFirstIngestChunk = new AtomicBoolean();
    private static volatile CompletableFuture<Boolean> stopping;
    private static long uninterruptedId;
    private static byte[] uninterruptedSummary;
    private static RunFigures uninterruptedFigures;

    @BeforeAll
    static void officeInput() {
        OfficeInput.write(root.resolve("input"));
    }

    /** Runs a command line with the test's folders; output under root/&lt;output&gt;. */
    private Result run(String output, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.add("--input=" + root.resolve("input"));
        line.add("--output=" + root.resolve(output));
        line.add("--data=" + root.resolve("data"));
        try (Console console = Console.capture()) {
            int status = runner.run(CommandLine.parse(line.toArray(String[]::new)));
            return new Result(status, console.out(), console.err());
        }
    }

    private record Result(int status, String out, String err) {
    }

    private long latestId() {
        return history.recent(1).get(0).id();
    }

    private synchronized void uninterrupted() throws IOException {
        if (uninterruptedSummary == null) {
            Result result = run("uninterrupted", "nightly", "--period=2024-03");
            assertThat(result.status()).isZero();
            uninterruptedSummary = Files.readAllBytes(root.resolve("uninterrupted/2024-03/summary.json"));
            uninterruptedId = latestId();
            uninterruptedFigures = history.record(jobRepository.getJobExecution(uninterruptedId)).figures();
        }
    }

    private static Path blockOutput(String output) throws IOException {
        Path folder = root.resolve(output);
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("2024-03"), "a file where the period's folder must go");
    }

    @Test
    void aCompletedRunRecordsItsFiguresForStatusAndTheEndSummary() throws IOException {
        uninterrupted();

        assertThat(uninterruptedFigures).isEqualTo(new RunFigures(5, 3, 1, uninterruptedFigures.errors(),
                uninterruptedFigures.warnings(), uninterruptedFigures.infos(),
                List.of(root.resolve("uninterrupted/2024-03").toString())));
        JsonNode summary = JSON.readTree(uninterruptedSummary);
        assertThat(uninterruptedFigures.errors()).isEqualTo(summary.get("exceptions").get("error").asInt()).isPositive();
        assertThat(uninterruptedFigures.warnings()).isEqualTo(summary.get("exceptions").get("warning").asInt());
        assertThat(uninterruptedFigures.infos()).isEqualTo(summary.get("exceptions").get("info").asInt()).isPositive();
    }

    @Test
    void anAsOfBeforeTheLedgersFeedbackDateFailsTheRunSayingWhy() {
        Result result = run("as-of", "nightly", "--period=2024-03", "--as-of=2020-01-01");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("原因：--as-of=2020-01-01 早于台账的反馈日期");
        assertThat(root.resolve("as-of/2024-03")).doesNotExist();
    }

    @Test
    void aFolderNamedLikeAPeriodButNotYearDashMonthIsNamedInTheEndSummaryWithTheNameToGiveIt() throws IOException {
        Path misnamed = Files.createDirectories(root.resolve("input/returns/2024年5月"));
        try {
            Result result = run("misnamed", "nightly", "--period=2024-03");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("注意：文件夹“2024年5月”", "请改名为“2024-05”");
        } finally {
            Files.delete(misnamed);
        }
    }

    @Test
    void statusShowsEachRunWithItsFiguresAndTellsWhatToDoAboutAFailure() throws IOException {
        uninterrupted();
        long completed = uninterruptedId;
        assertThat(run("status-ledger", "import-ledger").status()).isZero();
        long ledger = latestId();
        Path blocked = blockOutput("status-failed");
        Result failedRun = run("status-failed", "nightly", "--period=2024-03");
        long failed = latestId();

        assertThat(failedRun.status()).isEqualTo(1);
        assertThat(failedRun.out()).contains("执行 #" + failed + " nightly（2024-03）：失败", "文件：读取 5 份，采纳 3 份，未采纳 1 份",
                "原因：", blocked.toString(), "restart " + failed, "abandon " + failed);

        Result table = run("status-out", "status");
        assertThat(table.status()).isZero();
        RunFigures f = uninterruptedFigures;
        assertThat(table.out()).containsPattern("#" + completed + " +nightly +2024-03 +手动 .* 完成 +5 / 3 / 1 +"
                + f.errors() + " / " + f.warnings() + " / " + f.infos());
        assertThat(table.out()).containsPattern("#" + ledger + " +import-ledger +- +手动 .* 完成 +1 / 1 / 0 +0 / 0 / 0");
        assertThat(table.out()).containsPattern("#" + failed + " +nightly +2024-03 +手动 .* 失败 +5 / 3 / 1");
        assertThat(table.out()).contains("需要处理：", "#" + failed + " nightly 2024-03 失败：该位置已有同名文件：" + blocked,
                "restart " + failed + " --input=" + root.resolve("input") + " --output=" + root.resolve("status-failed")
                        + " --data=" + root.resolve("data"), "从失败的那一步继续");

        JsonNode json = JSON.readTree(run("status-out", "status", "--json", "--limit=3").out());
        JsonNode executions = json.get("executions");
        assertThat(executions).hasSize(3);
        assertThat(executions.get(0).get("id").asLong()).isEqualTo(failed);
        assertThat(executions.get(1).get("id").asLong()).isEqualTo(ledger);
        JsonNode all = JSON.readTree(run("status-out", "status", "--json", "--limit=100").out()).get("executions");
        JsonNode failure = executions.get(0);
        assertThat(failure.get("status").asString()).isEqualTo("failed");
        assertThat(failure.get("restartable").asBoolean()).isTrue();
        assertThat(failure.get("reason").asString()).contains(blocked.toString());
        assertThat(failure.get("action").asString()).contains("restart " + failed);
        assertThat(failure.get("files").get("rejected").asInt()).isEqualTo(1);
        JsonNode ledgerRun = executions.get(1);
        assertThat(ledgerRun.get("job").asString()).isEqualTo("import-ledger");
        assertThat(ledgerRun.get("period").isNull()).isTrue();
        assertThat(ledgerRun.get("files").get("accepted").asInt()).isEqualTo(1);
        JsonNode done = byId(all, completed);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("period").asString()).isEqualTo("2024-03");
        assertThat(done.get("scheduledAt").isNull()).isTrue();
        assertThat(done.get("exceptions").get("error").asInt()).isEqualTo(f.errors());
        assertThat(done.get("outputs").get(0).asString()).isEqualTo(root.resolve("uninterrupted/2024-03").toString());
        assertThat(done.get("durationSeconds").asDouble()).isPositive();
        assertThat(done.get("action").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(done.get("end").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(done.get("start").asString()));
    }

    @Test
    void aFailedRunRestartedContinuesFromTheFailedStepToTheFiguresOfAnUninterruptedRun() throws IOException {
        uninterrupted();
        Path blocked = blockOutput("restarted");
        assertThat(run("restarted", "nightly", "--period=2024-03").status()).isEqualTo(1);
        long failed = latestId();
        JobExecution failure = jobRepository.getJobExecution(failed);
        assertThat(steps(failure)).containsEntry("ingestStep", BatchStatus.COMPLETED).containsEntry("reportStep", BatchStatus.FAILED);

        Files.delete(blocked);
        Result restart = run("restarted", "restart", String.valueOf(failed));

        assertThat(restart.status()).isZero();
        long restartedId = latestId();
        assertThat(restart.out()).contains("执行 #" + failed + " 已作为执行 #" + restartedId + " 继续",
                "执行 #" + restartedId + " nightly（2024-03）：完成");
        JobExecution restarted = jobRepository.getJobExecution(restartedId);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failure.getJobInstance().getInstanceId());
        // the completed steps are not run again
        assertThat(steps(restarted)).containsOnlyKeys("reportStep");
        assertThat(Files.readAllBytes(root.resolve("restarted/2024-03/summary.json"))).isEqualTo(uninterruptedSummary);
        RunFigures figures = history.record(restarted).figures();
        assertThat(figures).usingRecursiveComparison().ignoringFields("outputs").isEqualTo(uninterruptedFigures);
        assertThat(figures.outputs()).containsExactly(root.resolve("restarted/2024-03").toString());

        Result again = run("restarted", "restart", String.valueOf(failed));
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("已经被继续过");
    }

    @Test
    void aRunStoppedBetweenPeriodsEndsStoppedAndItsRestartReadsOnlyWhatWasLeft() throws IOException {
        uninterrupted();
        // unchanged earlier periods would be kept unread in the first chunk: as in a database from
        // as before period fingerprints and incremental nights: every period, every file read again, so
        // there are periods to stop between
        jdbc.update("DELETE FROM period_fingerprint");
        jdbc.update("DELETE FROM checked_file");
        ((TaskletStep) ingestStep).registerChunkListener(new ChunkListener<>() {
            @Override
            public void afterChunk(ChunkContext context) {
                if (stopAfterFirstIngestChunk.getAndSet(false)) {
                    // as serve's shutdown does, from another thread, while this one goes on; the stop
                    // request marks the execution STOPPED at once, the step ends after its next chunk
                    stopping = CompletableFuture.supplyAsync(() -> runningJobs.stopAll(Duration.ofMinutes(1)));
                    long id = context.getStepContext().getStepExecution().getJobExecutionId();
                    Await.until(() -> {
                        if (stopping.isCompletedExceptionally()) {
                            stopping.join();
                        }
                        return jobRepository.getJobExecution(id).getStatus() != BatchStatus.STARTED;
                    });
                }
            }
        });
        stopAfterFirstIngestChunk.set(true);

        Result stoppedRun = run("stopped", "nightly", "--period=2024-03");
        assertThat(stopping.join()).as("the stop waited for the run to end").isTrue();

        long stoppedId = latestId();
        JobExecution stopped = jobRepository.getJobExecution(stoppedId);
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(stoppedRun.status()).isEqualTo(1);
        assertThat(stoppedRun.out()).contains("已停止", "程序关闭时中断", "restart " + stoppedId);
        StepExecution ingest = stopped.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingestStep"))
                .findFirst().orElseThrow();
        assertThat(ingest.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(ingest.getExecutionContext().getString("ingest.reconciled")).isIn("2024-01", "2024-02");
        assertThat(steps(stopped)).doesNotContainKey("reportStep");
        assertThat(root.resolve("stopped/2024-03")).doesNotExist();

        assertThat(run("stopped", "restart", String.valueOf(stoppedId)).status()).isZero();

        JobExecution restarted = jobRepository.getJobExecution(latestId());
        StepExecution rest = restarted.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingestStep"))
                .findFirst().orElseThrow();
        // 2024-03 has 4 workbooks; the periods already reconciled are not read again
        long left = "2024-01".equals(ingest.getExecutionContext().getString("ingest.reconciled")) ? 2 + 4 : 4;
        assertThat(rest.getReadCount()).isEqualTo(left);
        assertThat(Files.readAllBytes(root.resolve("stopped/2024-03/summary.json"))).isEqualTo(uninterruptedSummary);
        assertThat(history.record(restarted).figures()).usingRecursiveComparison().ignoringFields("outputs")
                .isEqualTo(uninterruptedFigures);
    }

    @Test
    void anExecutionLeftRunningByAProcessThatIsGoneIsShownInterruptedAndRestartRecoversIt() throws Exception {
        uninterrupted();
        Path blocked = blockOutput("crashed");
        run("crashed", "nightly", "--period=2024-03");
        long id = latestId();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        leftRunningBy(id, gone.pid());
        Files.delete(blocked);

        Result status = run("crashed", "status");
        assertThat(status.out()).containsPattern("#" + id + " +nightly +2024-03 .* 中断")
                .contains("进程 " + gone.pid() + "）已不在", "restart " + id + " --input=" + root.resolve("input") + " --output=" + root.resolve("crashed")
                        + " --data=", "从中断的那一步继续");

        Result restart = run("crashed", "restart", String.valueOf(id));

        assertThat(restart.status()).isZero();
        assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jobRepository.getJobExecution(latestId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllBytes(root.resolve("crashed/2024-03/summary.json"))).isEqualTo(uninterruptedSummary);
    }

    @Test
    void anExecutionWhoseProcessStillRunsIsNeitherRestartedNorAbandoned() throws Exception {
        Path blocked = blockOutput("running");
        run("running", "nightly", "--period=2024-03");
        long id = latestId();
        leftRunningBy(id, ProcessHandle.current().pid());
        Files.delete(blocked);

        Result restart = run("running", "restart", String.valueOf(id));
        Result abandon = run("running", "abandon", String.valueOf(id));

        assertThat(restart.status()).isEqualTo(1);
        assertThat(restart.err()).contains("仍在运行");
        assertThat(abandon.status()).isEqualTo(1);
        assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(run("running", "status").out()).containsPattern("#" + id + " +nightly .* 运行中");
    }

    @Test
    void abandonEndsAFailedExecutionForGoodAndStatusNoLongerAsksAboutIt() throws IOException {
        blockOutput("abandoned");
        run("abandoned", "nightly", "--period=2024-03");
        long id = latestId();

        Result abandon = run("abandoned", "abandon", String.valueOf(id));

        assertThat(abandon.status()).isZero();
        assertThat(abandon.out()).contains("执行 #" + id + " nightly（2024-03） 已放弃", "nightly --period=2024-03");
        assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.ABANDONED);
        Result restart = run("abandoned", "restart", String.valueOf(id));
        assertThat(restart.status()).isEqualTo(1);
        assertThat(restart.err()).contains("已放弃，不能再继续");
        Result status = run("abandoned", "status");
        assertThat(status.out()).containsPattern("#" + id + " +nightly .* 已放弃").doesNotContain("#" + id + " nightly 2024-03 失败");
        assertThat(run("abandoned", "abandon", String.valueOf(id)).status()).isZero();

        Result unknown = run("abandoned", "abandon", "999999");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("没有编号为 999999 的执行");
    }

    @Test
    void aCompletedExecutionIsNeitherRestartedNorAbandoned() throws IOException {
        uninterrupted();
        long completed = history.recent(50).stream().filter(r -> r.state() == ExecutionRecord.State.COMPLETED)
                .findFirst().orElseThrow().id();

        Result restart = run("completed", "restart", String.valueOf(completed));
        Result abandon = run("completed", "abandon", String.valueOf(completed));

        assertThat(restart.status()).isEqualTo(1);
        assertThat(restart.err()).contains("已完成，无需继续");
        assertThat(abandon.status()).isEqualTo(1);
        assertThat(jobRepository.getJobExecution(completed).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** The state a crash leaves: the execution and its last step STARTED, recorded as run by {@code pid}. */
    private void leftRunningBy(long id, long pid) {
        JobExecution execution = jobRepository.getJobExecution(id);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED) {
                step.setStatus(BatchStatus.STARTED);
                step.setExitStatus(ExitStatus.EXECUTING);
                step.setEndTime(null);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.STARTED);
        execution.setExitStatus(ExitStatus.UNKNOWN);
        execution.setEndTime(null);
        new RunProcess(RunProcess.current().host(), pid).putInto(execution.getExecutionContext());
        jobRepository.update(execution);
        jobRepository.updateExecutionContext(execution);
    }

    private static JsonNode byId(JsonNode executions, long id) {
        for (JsonNode execution : executions) {
            if (execution.get("id").asLong() == id) {
                return execution;
            }
        }
        throw new AssertionError("no execution " + id + " in " + executions);
    }

    private static Map<String, BatchStatus> steps(JobExecution execution) {
        Map<String, BatchStatus> steps = new java.util.HashMap<>();
        execution.getStepExecutions().forEach(s -> steps.put(s.getStepName(), s.getStatus()));
        return steps;
    }
}
