package io.rectify.run;

import io.rectify.ops.CommandLine;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * The restart and abandon commands. Restart continues a failed, stopped or interrupted
 * execution from the step it did not finish (finished steps are not run again; a step run again
 * replaces what it stored, so nothing is counted twice). An interrupted execution (still STARTED
 * in the database, its process gone) is first recovered: marked FAILED, then restarted.
 * Abandon marks one as never to be restarted. Every refusal says why and what to do instead.
 */
@Component
public class ExecutionControl {

    private static final Logger log = LoggerFactory.getLogger(ExecutionControl.class);
    private static final String RESTART = "继续";
    private static final String ABANDON = "放弃";

    private final ExecutionHistory history;
    private final JobOperator jobOperator;
    private final RunningJobs running;
    private final EndSummary endSummary;

    ExecutionControl(ExecutionHistory history, JobOperator jobOperator, RunningJobs running, EndSummary endSummary) {
        this.history = history;
        this.jobOperator = jobOperator;
        this.running = running;
        this.endSummary = endSummary;
    }

    public int restart(long id) {
        return apply(id, RESTART, (execution, r) -> running.busy("restart", () -> {
            JobExecution restarted = jobOperator.restart(execution);
            System.out.println("执行 #" + id + " 已作为执行 #" + restarted.getId() + " 继续。");
            return endSummary.report(restarted);
        }));
    }

    public int abandon(long id) {
        return apply(id, ABANDON, (execution, r) -> {
            if (r.state() == ExecutionRecord.State.ABANDONED) {
                System.out.println("执行 #" + id + " 早已放弃，无需再操作。");
                return CommandLine.EXIT_OK;
            }
            jobOperator.abandon(execution);
            log.info("Execution {} ({}{}) abandoned", id, r.job(), r.period() == null ? "" : " " + r.period());
            System.out.println(which(r) + " 已放弃：不会再继续，status 也不再提示处理。" + again(r));
            return CommandLine.EXIT_OK;
        });
    }

    /** What restart or abandon does to an execution it applies to. */
    @FunctionalInterface
    private interface Action {
        int apply(JobExecution execution, ExecutionRecord record) throws Exception;
    }

    /**
     * Applies {@code then} to the execution when {@code action} applies to it, after recovering
     * it (marking it failed) when a gone process left it running; else says why not.
     */
    private int apply(long id, String action, Action then) {
        Optional<JobExecution> found = history.execution(id);
        if (found.isEmpty()) {
            System.err.println("rectify: 没有编号为 " + id + " 的执行；运行 status 查看执行编号（第一列）。");
            return CommandLine.EXIT_USAGE;
        }
        JobExecution execution = found.get();
        ExecutionRecord r = history.record(execution);
        String refusal = refusal(r, action);
        if (refusal != null) {
            System.err.println("rectify: " + refusal);
            return CommandLine.EXIT_FAILED;
        }
        try {
            if (r.state() == ExecutionRecord.State.INTERRUPTED) {
                log.warn("Execution {} was left running by a process that is gone; recovering it as failed", id);
                execution = jobOperator.recover(execution);
            }
            return then.apply(execution, r);
        } catch (Exception e) {
            System.err.println("rectify: 执行 #" + id + " 无法" + action + "：" + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }

    /** Why {@code action} cannot apply to the execution; null when it can. */
    private static String refusal(ExecutionRecord r, String action) {
        return switch (r.state()) {
            case COMPLETED -> which(r) + " 已完成，无需" + action + "。" + again(r);
            case ABANDONED -> action.equals(ABANDON) ? null : which(r) + " 已放弃，不能再" + action + "。" + again(r);
            case RUNNING, STOPPING -> which(r) + " 仍在运行（" + r.state().label() + "）：请等它结束；"
                    + "如运行它的程序已卡住，先停止那个程序，再" + action + "。";
            case FAILED, STOPPED, INTERRUPTED -> r.restartable() ? null
                    : which(r) + " 已经被继续过（见 status 中更新的执行），请对最新的那次执行操作。";
        };
    }

    private static String which(ExecutionRecord r) {
        return "执行 #" + r.id() + " " + r.job() + (r.period() == null ? "" : "（" + r.period() + "）");
    }

    private static String again(ExecutionRecord r) {
        return r.period() == null ? "" : "要重新处理该期次，运行 " + r.job() + " --period=" + r.period() + "。";
    }
}
