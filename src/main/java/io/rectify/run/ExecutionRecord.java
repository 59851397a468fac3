package io.rectify.run;

import io.rectify.ops.Command;
import io.rectify.ops.FailureCause;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * One job execution as the office reads it in {@code status} and in the end summary.
 *
 * @param job         the command that launched it (nightly, import-ledger, templates), else the job's name
 * @param period      the period it processed, null for jobs without one
 * @param scheduledAt the schedule slot it served (ISO date-time with offset), null when run by hand
 * @param schedule    the name of the schedule (file in jobs/) it served, null when run by hand
 * @param end         null while it runs
 * @param reason      why it failed, stopped or was interrupted, in one line; null otherwise
 * @param restartable whether restart or abandon applies: failed, stopped or interrupted, and not yet restarted
 * @param input       the run's input folder (its job parameter), null when it has none
 * @param output      the run's output folder (its job parameter), null when it has none
 */
public record ExecutionRecord(long id, String job, String period, String schedule, String scheduledAt,
                              LocalDateTime start, LocalDateTime end, State state, String reason,
                              RunFigures figures, boolean restartable, String input, String output) {

    /** What became of an execution. */
    public enum State {
        RUNNING("运行中"), STOPPING("正在停止"), COMPLETED("完成"), FAILED("失败"), STOPPED("已停止"),
        INTERRUPTED("中断"), ABANDONED("已放弃");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+([A-Z][\\w$]*): ");

    /**
     * @param latestOfInstance whether no later execution of the same job instance exists (a
     *                         failed execution restarted since is settled by its restart)
     */
    static ExecutionRecord of(JobExecution execution, boolean latestOfInstance) {
        JobParameters parameters = execution.getJobParameters();
        State state = state(execution);
        String job = Command.ofJob(execution.getJobInstance().getJobName()).map(Command::word)
                .orElse(execution.getJobInstance().getJobName());
        boolean restartable = latestOfInstance
                && (state == State.FAILED || state == State.STOPPED || state == State.INTERRUPTED);
        return new ExecutionRecord(execution.getId(), job, parameters.getString("period"),
                parameters.getString(JobRuns.SCHEDULE), parameters.getString(JobRuns.SCHEDULED_AT),
                execution.getStartTime(), execution.getEndTime(), state, reason(execution, state),
                RunFigures.of(execution.getExecutionContext()), restartable, parameters.getString("input"),
                parameters.getString("output"));
    }

    /**
     * Without an end time an execution is still running, or was left so by a process that is
     * gone; a stop request marks it STOPPED at once, before its current chunk has ended.
     */
    private static State state(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        boolean unfinished = execution.getEndTime() == null
                && (status.isRunning() || status == BatchStatus.STOPPED);
        if (unfinished) {
            boolean alive = RunProcess.of(execution.getExecutionContext())
                    .map(p -> p.alive(execution.getStartTime())).orElse(true);
            return !alive ? State.INTERRUPTED
                    : status == BatchStatus.STOPPING || status == BatchStatus.STOPPED ? State.STOPPING
                    : State.RUNNING;
        }
        return switch (status) {
            case COMPLETED -> State.COMPLETED;
            case STOPPED -> State.STOPPED;
            case ABANDONED -> State.ABANDONED;
            default -> State.FAILED;
        };
    }

    private static String reason(JobExecution execution, State state) {
        if (state == State.INTERRUPTED) {
            long pid = RunProcess.of(execution.getExecutionContext()).map(RunProcess::pid).orElse(0L);
            return "运行它的程序（进程 " + pid + "）已不在：可能是断电、关机或被强制结束";
        }
        if (state == State.STOPPED) {
            return "程序关闭时中断：正在做的一步已做完，其余未做";
        }
        if (state != State.FAILED && state != State.ABANDONED) {
            return null;
        }
        String description = execution.getExitStatus().getExitDescription();
        String first = description == null ? "" : description.lines().map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
        if (first.isEmpty()) {
            return null;
        }
        var prefix = EXCEPTION_PREFIX.matcher(first);
        if (prefix.find()) {
            String message = first.substring(prefix.end());
            return FailureCause.ofLine(prefix.group(1), message).orElse(message);
        }
        return first;
    }

    /** From start to end, or to now while it runs; null when it never started. */
    public Duration duration(LocalDateTime now) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end == null ? now : end);
    }

    /** The one English line the log keeps of a finished execution. */
    String logLine(LocalDateTime now) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s execution %d %s", job, id, state.code()));
        Duration duration = duration(now);
        if (duration != null) {
            line.append(String.format(Locale.ROOT, " in %.1f s", duration.toMillis() / 1000.0));
        }
        if (period != null) {
            line.append(", period ").append(period);
        }
        if (figures.hasFiles()) {
            line.append(String.format(Locale.ROOT, "; files %d read, %d accepted, %d rejected",
                    figures.filesRead(), figures.filesAccepted(), figures.filesRejected()));
        }
        if (figures.hasExceptions()) {
            line.append(String.format(Locale.ROOT, "; exceptions %d error, %d warning, %d info",
                    figures.errors(), figures.warnings(), figures.infos()));
        }
        if (!figures.outputs().isEmpty()) {
            line.append("; outputs ").append(String.join(", ", figures.outputs()));
        }
        if (reason != null) {
            line.append("; ").append(reason);
        }
        return line.toString();
    }
}
