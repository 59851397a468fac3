package io.rectify.run;

import io.rectify.intake.PeriodFolderScanner;
import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import io.rectify.ops.FailureCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Starts the job of a command line through the {@link JobOperator}, by hand or for a schedule
 * slot. Job parameters: {@code input}, {@code output}, {@code period} (YYYY-MM; nightly defaults
 * to the latest period folder), {@code asOf} (a date). A run by hand also gets {@code run.at}, so
 * every command line starts a new job instance (the office re-runs the same period nightly); a
 * scheduled run instead gets {@link #SCHEDULE} and {@link #SCHEDULED_AT}, so one slot is one job
 * instance: it cannot run twice at once, and a stopped one is continued, not started over.
 */
@Component
public class JobRuns {

    public static final String SCHEDULE = "schedule";
    public static final String SCHEDULED_AT = "scheduledAt";

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final RunningJobs running;
    private final EndSummary endSummary;
    private final InterruptedRuns interruptedRuns;

    JobRuns(JobOperator jobOperator, Map<String, Job> jobs, RunningJobs running, EndSummary endSummary,
            InterruptedRuns interruptedRuns) {
        this.jobOperator = jobOperator;
        this.jobs = jobs;
        this.running = running;
        this.endSummary = endSummary;
        this.interruptedRuns = interruptedRuns;
    }

    /**
     * Runs the command line's job to its end and prints its end summary.
     *
     * @return the exit status of docs/COMMANDS.md
     * @throws IllegalStateException when it cannot start: no such job in this build, no period
     *                               folder to default to, or the slot's run already completed
     */
    public int run(CommandLine commandLine, Optional<Slot> slot) {
        // before the locks: a run that cannot start leaves no trace, not even an output folder
        JobParameters parameters = parameters(commandLine, slot);
        try {
            return running.busy(commandLine.command().word(), () -> endSummary.report(start(commandLine, parameters)));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private JobExecution start(CommandLine commandLine, JobParameters parameters) {
        String jobName = commandLine.command().jobName().orElseThrow(() ->
                new IllegalArgumentException("'" + commandLine.command().word() + "' launches no job"));
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalStateException("command '" + commandLine.command().word() + "' is not available in this build");
        }
        try {
            interruptedRuns.supersede(jobName, parameters.getString("period"), commandLine.output());
            log.info("Starting {} with {}", job.getName(), parameters);
            return jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + commandLine.command().word() + ": "
                    + FailureCause.of(e).orElse(e.getMessage()), e);
        }
    }

    private static JobParameters parameters(CommandLine commandLine, Optional<Slot> slot) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("input", commandLine.input().toString())
                .addString("output", commandLine.output().toString());
        slot.ifPresentOrElse(s -> builder.addString(SCHEDULE, s.schedule()).addString(SCHEDULED_AT, s.atText()),
                () -> builder.addLong("run.at", System.currentTimeMillis()));
        Optional<YearMonth> period = commandLine.period();
        if (commandLine.command() == Command.NIGHTLY) {
            Path returns = commandLine.input().resolve("returns");
            period = Optional.of(period.isEmpty() ? latestPeriod(returns) : withFolder(returns, period.get()));
        }
        period.ifPresent(p -> builder.addString("period", p.toString()));
        commandLine.asOf().ifPresent(d -> builder.addLocalDate("asOf", d));
        commandLine.rejudge().ifPresent(r -> builder.addString("rejudge", r));
        return builder.toJobParameters();
    }

    private static YearMonth latestPeriod(Path returns) {
        try {
            return new PeriodFolderScanner(returns).latestPeriod().orElseThrow(() -> new IllegalStateException(
                    "no period folder (YYYY-MM) in " + returns + "; give --period=YYYY-MM" + misnamed(returns)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + returns + ": " + e.getMessage(), e);
        }
    }

    /**
     * The period given, when its returns folder exists: without one every unit would be told it
     * sent nothing, so the run does not start.
     */
    private static YearMonth withFolder(Path returns, YearMonth period) {
        Path folder = new PeriodFolderScanner(returns).folder(period);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("没有 " + period + " 期的报送文件夹 " + folder + "，本次未汇总（否则各单位都会被记为未报送）。"
                    + "请检查 --period，或建立该文件夹并放入各单位的报表" + misnamed(returns));
        }
        return period;
    }

    private static String misnamed(Path returns) {
        try {
            return new PeriodFolderScanner(returns).misnamed().stream().map(m -> "；" + m.advice()).collect(Collectors.joining());
        } catch (IOException e) {
            return "";
        }
    }
}
