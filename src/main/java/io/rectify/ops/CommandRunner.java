package io.rectify.ops;

import io.rectify.backup.Backup;
import io.rectify.sample.SampleInputs;
import io.rectify.intake.Archive;
import io.rectify.intake.PeriodFolderScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Runs one parsed command: launches its Spring Batch job through the {@link JobOperator} and
 * prints the summary the job left in its execution context under {@link #SUMMARY_KEY}.
 */
@Component
public class CommandRunner {

    /** Execution-context key under which a job leaves the text printed when it ends. */
    public static final String SUMMARY_KEY = "summary";

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final InterruptedRuns interruptedRuns;
    private final Backup backup;
    private final RectifyProperties properties;
    private final Path input;

    CommandRunner(JobOperator jobOperator, Map<String, Job> jobs, InterruptedRuns interruptedRuns, Backup backup,
                  RectifyProperties properties) {
        this.jobOperator = jobOperator;
        this.jobs = jobs;
        this.interruptedRuns = interruptedRuns;
        this.backup = backup;
        this.properties = properties;
        this.input = properties.input();
    }

    public int run(CommandLine commandLine) {
        return switch (commandLine.command()) {
            case IMPORT_LEDGER -> runJob("importLedgerJob", commandLine);
            case TEMPLATES -> runJob("templatesJob", commandLine);
            case NIGHTLY -> runJob("nightlyJob", commandLine);
            case SAMPLE -> sample();
            case BACKUP -> backup(commandLine.backupFile().orElseThrow());
            case RESTORE -> throw new IllegalArgumentException("restore runs before the application starts (RectifyApplication)");
        };
    }

    private int sample() {
        SampleInputs.write(input);
        System.out.println("Sample ledger and returns written to " + input);
        return CommandLine.EXIT_OK;
    }

    private int backup(Path target) {
        try {
            System.out.println(backup.write(target));
            return CommandLine.EXIT_OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("rectify: backup failed: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }

    private int runJob(String jobName, CommandLine commandLine) {
        Job job = jobs.get(jobName);
        if (job == null) {
            System.err.println("rectify: command '" + commandLine.command().word() + "' is not available in this build");
            return CommandLine.EXIT_FAILED;
        }
        JobParameters parameters;
        try {
            interruptedRuns.clear(jobs.keySet(), List.of(properties.output(), new Archive(properties.data()).folder()));
            parameters = parameters(commandLine);
        } catch (IOException | IllegalStateException e) {
            System.err.println("rectify: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
        JobExecution execution = launch(job, parameters);
        Object summary = execution.getExecutionContext().get(SUMMARY_KEY);
        if (summary != null) {
            System.out.println(summary);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            System.err.println("rectify: " + commandLine.command().word() + " failed: "
                    + execution.getExitStatus().getExitDescription().lines().findFirst().orElse(execution.getStatus().toString()));
            return CommandLine.EXIT_FAILED;
        }
        return CommandLine.EXIT_OK;
    }

    private JobExecution launch(Job job, JobParameters parameters) {
        try {
            log.info("Starting {} with {}", job.getName(), parameters);
            return jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + job.getName() + ": " + e.getMessage(), e);
        }
    }

    private JobParameters parameters(CommandLine commandLine) throws IOException {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("input", commandLine.input().toString())
                .addString("output", commandLine.output().toString())
                // every command line starts a new job instance: the office re-runs the same period nightly
                .addLong("run.at", System.currentTimeMillis());
        Optional<YearMonth> period = commandLine.period();
        if (period.isEmpty() && commandLine.command() == Command.NIGHTLY) {
            Path returns = commandLine.input().resolve("returns");
            period = Optional.of(new PeriodFolderScanner(returns).latestPeriod().orElseThrow(() ->
                    new IllegalStateException("no period folder (YYYY-MM) in " + returns + "; give --period=YYYY-MM")));
        }
        period.ifPresent(p -> builder.addString("period", p.toString()));
        commandLine.asOf().ifPresent(d -> builder.addLocalDate("asOf", d));
        return builder.toJobParameters();
    }
}
