package io.rectify.cli;

import io.rectify.account.AccountsCommand;
import io.rectify.backup.Backup;
import io.rectify.check.CheckCommand;
import io.rectify.ops.CommandLine;
import io.rectify.ops.DataLock;
import io.rectify.ops.FailureCause;
import io.rectify.ops.RectifyProperties;
import io.rectify.ops.ServerLock;
import io.rectify.run.ExecutionControl;
import io.rectify.run.JobRuns;
import io.rectify.run.Status;
import io.rectify.sample.SampleInputs;
import io.rectify.schedule.ScheduleFiles;
import io.rectify.schedule.Serve;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs one parsed command: launches its Spring Batch job ({@link JobRuns}) and prints the end
 * summary, which starts with the text the job left in its execution context under
 * {@link io.rectify.run.EndSummary#SUMMARY_KEY}; or serves the schedules, shows the status,
 * restarts or abandons, backs up, checks returns, creates the portal's accounts.
 */
@Component
public class CommandRunner {

    private final JobRuns jobRuns;
    private final ExecutionControl control;
    private final Status status;
    private final Serve serve;
    private final Backup backup;
    private final CheckCommand check;
    private final AccountsCommand accounts;
    private final ServerLock serverLock;
    private final Path input;

    CommandRunner(JobRuns jobRuns, ExecutionControl control, Status status, Serve serve, Backup backup,
                  CheckCommand check, AccountsCommand accounts, ServerLock serverLock, RectifyProperties properties) {
        this.jobRuns = jobRuns;
        this.control = control;
        this.status = status;
        this.serve = serve;
        this.backup = backup;
        this.check = check;
        this.accounts = accounts;
        this.serverLock = serverLock;
        this.input = properties.input();
    }

    /**
     * Runs the command, holding the database's writer lock for its whole run when it writes to the
     * database ({@link ServerLock}; nothing with H2, whose data folder's lock the command already holds).
     */
    public int run(CommandLine commandLine) {
        if (!commandLine.command().locksDatabase()) {
            return runUnlocked(commandLine);
        }
        try (ServerLock.Hold hold = serverLock.acquire(commandLine.command().word(), () -> { })) {
            return runUnlocked(commandLine);
        } catch (DataLock.Busy busy) {
            System.err.println("rectify: " + busy.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }

    private int runUnlocked(CommandLine commandLine) {
        return switch (commandLine.command()) {
            case SAMPLE -> {
                SampleInputs.write(input);
                System.out.println("Sample ledger and returns written to " + input);
                yield CommandLine.EXIT_OK;
            }
            case SERVE -> serve.run(commandLine);
            case STATUS -> {
                ScheduleFiles.Loaded schedules = ScheduleFiles.read(commandLine.jobs());
                yield status.print(commandLine, schedules.plans(Instant.now()), schedules.problems());
            }
            case RESTART -> control.restart(commandLine.execution().orElseThrow());
            case ABANDON -> control.abandon(commandLine.execution().orElseThrow());
            case IMPORT_LEDGER, TEMPLATES, NIGHTLY -> runJob(commandLine);
            case BACKUP -> backup(commandLine.backupFile().orElseThrow());
            case CHECK -> check.run(commandLine.files(), commandLine.period());
            case ACCOUNTS -> accounts.run(commandLine.output(), commandLine.reset(), System.out, System.err);
            case RESTORE -> throw new IllegalArgumentException("restore runs before the application starts (RectifyApplication)");
        };
    }

    private int backup(Path target) {
        try {
            System.out.println(backup.write(target));
            return CommandLine.EXIT_OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("rectify: backup failed: " + FailureCause.of(e).orElse(e.getMessage()));
            return CommandLine.EXIT_FAILED;
        }
    }

    private int runJob(CommandLine commandLine) {
        try {
            return jobRuns.run(commandLine, Optional.empty());
        } catch (IllegalStateException e) {
            System.err.println("rectify: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }
}
