package io.rectify.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.TempFolderContext;
import io.rectify.cli.CommandRunner;
import io.rectify.ops.CommandLine;
import io.rectify.run.Await;
import io.rectify.run.Console;
import io.rectify.run.ExecutionHistory;
import io.rectify.run.ExecutionRecord;
import io.rectify.run.JobRuns;
import io.rectify.run.OfficeInput;
import io.rectify.run.Slot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * serve and its catch-up against real nightly runs on {@link OfficeInput}: each schedule here
 * processes the fixed period 2024-03, so every run has returns to read.
 */
class ServeTest extends TempFolderContext {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @DynamicPropertySource
    static void reloadJobsEverySecond(DynamicPropertyRegistry registry) {
        registry.add("rectify.jobs-reload", () -> "PT1S");
    }

    @Autowired
    Serve serve;
    @Autowired
    CatchUp catchUp;
    @Autowired
    ExecutionHistory history;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    CommandRunner runner;
    @Autowired
    @Qualifier("ingestStep")
    Step ingestStep;

    private static final AtomicReference<Runnable> afterFirstIngestChunk = new AtomicReference<>();

    @BeforeAll
    static void officeInput() {
        OfficeInput.write(root.resolve("input"));
    }

    private static Path jobs(String folder, String schedule, String... lines) throws IOException {
        Path jobs = Files.createDirectories(root.resolve(folder));
        Files.writeString(jobs.resolve(schedule + ".properties"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return jobs;
    }

    private static CommandLine serveLine(Path jobs, String output) {
        return CommandLine.parse("serve", "--jobs=" + jobs, "--input=" + root.resolve("input"),
                "--output=" + root.resolve(output), "--data=" + root.resolve("data"));
    }

    private List<ExecutionRecord> ofSchedule(String schedule) {
        return history.recent(200).stream().filter(r -> schedule.equals(r.schedule())).toList();
    }

    @Test
    void catchUpRunsAMissedSlotOnceLeavesAFailedRunToTheOfficeAndContinuesAStoppedOne() throws IOException {
        Path jobs = jobs("jobs-catch-up", "nightly", "cron = 0 30 1 * * *", "period = 2024-03");
        List<JobSchedule> schedules = ScheduleFiles.read(jobs).enabled();
        ZonedDateTime morning = ZonedDateTime.of(2024, 4, 2, 9, 0, 0, 0, SHANGHAI);

        catchUp.run(schedules, morning.toInstant(), serveLine(jobs, "catch-up"));

        ExecutionRecord caughtUp = history.record(history.latestFor(
                new Slot("nightly", ZonedDateTime.of(2024, 4, 2, 1, 30, 0, 0, SHANGHAI))).orElseThrow());
        assertThat(caughtUp.state()).isEqualTo(ExecutionRecord.State.COMPLETED);
        assertThat(caughtUp.scheduledAt()).isEqualTo("2024-04-02T01:30:00+08:00");
        assertThat(caughtUp.period()).isEqualTo("2024-03");
        assertThat(root.resolve("catch-up/2024-03/summary.json")).exists();

        catchUp.run(schedules, morning.plusHours(2).toInstant(), serveLine(jobs, "catch-up"));
        assertThat(ofSchedule("nightly")).hasSize(1);

        // the next night's run fails: its output folder cannot be made
        Files.createDirectories(root.resolve("blocked"));
        Path blocked = Files.writeString(root.resolve("blocked/2024-03"), "a file");
        ZonedDateTime nextMorning = morning.plusDays(1);
        catchUp.run(schedules, nextMorning.toInstant(), serveLine(jobs, "blocked"));
        Files.delete(blocked);
        catchUp.run(schedules, nextMorning.toInstant(), serveLine(jobs, "blocked"));

        List<ExecutionRecord> runs = ofSchedule("nightly");
        assertThat(runs).hasSize(2);
        ExecutionRecord failed = runs.get(0);
        assertThat(failed.state()).isEqualTo(ExecutionRecord.State.FAILED);
        assertThat(failed.scheduledAt()).isEqualTo("2024-04-03T01:30:00+08:00");

        // the state serve's shutdown leaves: stopped between steps, ended
        JobExecution stopped = jobRepository.getJobExecution(failed.id());
        stopped.setStatus(BatchStatus.STOPPED);
        jobRepository.update(stopped);
        catchUp.run(schedules, nextMorning.toInstant(), serveLine(jobs, "blocked"));

        runs = ofSchedule("nightly");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0).state()).isEqualTo(ExecutionRecord.State.COMPLETED);
        assertThat(jobRepository.getJobExecution(runs.get(0).id()).getJobInstance().getInstanceId())
                .isEqualTo(stopped.getJobInstance().getInstanceId());
        assertThat(root.resolve("blocked/2024-03/summary.json")).exists();
    }

    @Test
    void serveRunsTheJobOnItsScheduleAndStatusShowsTheRuns() throws Exception {
        Path jobs = jobs("jobs-every-second", "every-second", "command = nightly", "cron = * * * * * *",
                "period = 2024-03");

        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> serve.run(serveLine(jobs, "every-second")));
        Await.until(() -> ofSchedule("every-second").stream().filter(r -> r.state() == ExecutionRecord.State.COMPLETED).count() >= 2);
        serve.shutdown();

        assertThat(serving.get(2, TimeUnit.MINUTES)).isZero();
        List<ExecutionRecord> all = ofSchedule("every-second");
        // a slot may start between the second completed run and the shutdown: serve stops that one
        assertThat(all).filteredOn(r -> r.state() != ExecutionRecord.State.COMPLETED).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(ExecutionRecord.State.STOPPED));
        assertThat(all).extracting(ExecutionRecord::scheduledAt).doesNotHaveDuplicates();
        List<ExecutionRecord> runs = all.stream().filter(r -> r.state() == ExecutionRecord.State.COMPLETED).toList();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> {
            assertThat(r.job()).isEqualTo("nightly");
            assertThat(r.period()).isEqualTo("2024-03");
            assertThat(ZonedDateTime.parse(r.scheduledAt()).getNano()).isZero();
            assertThat(r.figures().filesRead()).isEqualTo(5);
        });
        String status;
        try (Console console = Console.capture()) {
            runner.run(CommandLine.parse("status", "--jobs=" + jobs, "--data=" + root.resolve("data")));
            status = console.out();
        }
        // the table shows times in the machine's zone
        String slot = ZonedDateTime.parse(runs.get(0).scheduledAt()).withZoneSameInstant(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("MM-dd HH:mm"));
        assertThat(status).containsPattern("#" + runs.get(0).id() + " +nightly +2024-03 +" + slot + " .* 完成 +5 / 3 / 1")
                .contains("every-second：nightly，cron * * * * * *（Asia/Shanghai），期次 2024-03，下次 ");
    }

    @Test
    void aScheduleFileAddedWhileServingIsFollowedWithoutARestart() throws Exception {
        Path jobs = jobs("jobs-reloaded", "monthly", "command = nightly", "cron = 0 0 3 1 1 *", "period = 2024-03");
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> serve.run(serveLine(jobs, "reloaded")));
        Await.until(() -> ofSchedule("monthly").stream().anyMatch(r -> r.state() == ExecutionRecord.State.COMPLETED));

        jobs("jobs-reloaded", "added", "command = nightly", "cron = * * * * * *", "period = 2024-03");
        Await.until(() -> ofSchedule("added").stream().anyMatch(r -> r.state() == ExecutionRecord.State.COMPLETED));
        serve.shutdown();

        assertThat(serving.get(2, TimeUnit.MINUTES)).isZero();
        assertThat(ofSchedule("monthly")).as("the catch-up of the monthly slot only").hasSize(1);
    }

    @Test
    void stoppingServeDuringARunLeavesItStoppedAndTheNextStartContinuesIt() throws Exception {
        Path jobs = jobs("jobs-daily", "daily", "command = nightly", "cron = 0 30 1 * * *", "period = 2024-03");
        CommandLine line = serveLine(jobs, "daily");
        ((TaskletStep) ingestStep).registerChunkListener(new ChunkListener<>() {
            @Override
            public void afterChunk(ChunkContext context) {
                Runnable action = afterFirstIngestChunk.getAndSet(null);
                if (action != null) {
                    action.run();
                }
            }
        });
        CompletableFuture<Void> stopping = new CompletableFuture<>();
        afterFirstIngestChunk.set(() -> {
            // SIGTERM's context close calls the same shutdown, from another thread
            stopping.completeAsync(() -> {
                serve.shutdown();
                return null;
            });
            Await.until(() -> ofSchedule("daily").stream()
                    .anyMatch(r -> jobRepository.getJobExecution(r.id()).getStatus() != BatchStatus.STARTED));
        });

        // started after the day's slot was missed: the catch-up runs it, and serve is stopped during it
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> serve.run(line));
        assertThat(first.get(3, TimeUnit.MINUTES)).isZero();
        stopping.get(1, TimeUnit.MINUTES);

        List<ExecutionRecord> runs = ofSchedule("daily");
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ExecutionRecord.State.STOPPED);
            assertThat(r.restartable()).isTrue();
        });
        assertThat(root.resolve("daily/2024-03")).doesNotExist();

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> serve.run(line));
        Await.until(() -> ofSchedule("daily").stream().anyMatch(r -> r.state() == ExecutionRecord.State.COMPLETED));
        serve.shutdown();
        assertThat(second.get(2, TimeUnit.MINUTES)).isZero();

        runs = ofSchedule("daily");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).state()).isEqualTo(ExecutionRecord.State.COMPLETED);
        assertThat(runs.get(0).scheduledAt()).isEqualTo(runs.get(1).scheduledAt());
        assertThat(jobRepository.getJobExecution(runs.get(0).id()).getJobParameters().getString(JobRuns.SCHEDULE))
                .isEqualTo("daily");
        assertThat(root.resolve("daily/2024-03/summary.json")).exists();
    }
}
