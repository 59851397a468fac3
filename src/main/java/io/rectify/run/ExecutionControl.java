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
        Optional<JobExecution> found = history.execution(id);
        if (found.isEmpty()) {
            return unknown(id);
        }
        JobExecution execution = found.get();
        ExecutionRecord r = history.record(execution);
        String refusal = refusal(r, "继续");
        if (refusal != null) {
            System.err.println("rectify: " + refusal);
            return CommandLine.EXIT_FAILED;
        }
        if (r.state() == ExecutionRecord.State.INTERRUPTED) {
            log.warn("Execution {} was left running by a process that is gone; recovering it as failed before the restart", id);
            execution = jobOperator.recover(execution);
        }
        JobExecution failed = execution;
        try {
            return running.busy(() -> {
                JobExecution restarted = jobOperator.restart(failed);
                System.out.println("执行 #" + id + " 已作为执行 #" + restarted.getId() + " 继续。");
                return endSummary.report(restarted);
            });
        } catch (Exception e) {
            System.err.println("rectify: 执行 #" + id + " 无法继续：" + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }

    public int abandon(long id) {
        Optional<JobExecution> found = history.execution(id);
        if (found.isEmpty()) {
            return unknown(id);
        }
        JobExecution execution = found.get();
        ExecutionRecord r = history.record(execution);
        if (r.state() == ExecutionRecord.State.ABANDONED) {
            System.out.println("执行 #" + id + " 早已放弃，无需再操作。");
            return CommandLine.EXIT_OK;
        }
        String refusal = refusal(r, "放弃");
        if (refusal != null) {
            System.err.println("rectify: " + refusal);
            return CommandLine.EXIT_FAILED;
        }
        try {
            if (r.state() == ExecutionRecord.State.INTERRUPTED) {
                execution = jobOperator.recover(execution);
            }
            jobOperator.abandon(execution);
        } catch (Exception e) {
            System.err.println("rectify: 执行 #" + id + " 无法放弃：" + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
        log.info("Execution {} ({}{}) abandoned", id, r.job(), r.period() == null ? "" : " " + r.period());
        System.out.println("执行 #" + id + " " + r.job() + (r.period() == null ? "" : "（" + r.period() + "）")
                + " 已放弃：不会再继续，status 也不再提示处理。"
                + (r.period() == null ? "" : "要重新处理该期次，运行 " + r.job() + " --period=" + r.period() + "。"));
        return CommandLine.EXIT_OK;
    }

    /** Why {@code action} (继续 or 放弃) cannot apply to the execution; null when it can. */
    private String refusal(ExecutionRecord r, String action) {
        String which = "执行 #" + r.id() + " " + r.job() + (r.period() == null ? "" : "（" + r.period() + "）");
        String again = r.period() == null ? "" : "要重新处理该期次，运行 " + r.job() + " --period=" + r.period() + "。";
        return switch (r.state()) {
            case COMPLETED -> which + " 已完成，无需" + action + "。" + again;
            case ABANDONED -> which + " 已放弃，不能再" + action + "。" + again;
            case RUNNING, STOPPING -> which + " 仍在运行（" + r.state().label() + "）：请等它结束；"
                    + "如运行它的程序已卡住，先停止那个程序，再" + action + "。";
            case FAILED, STOPPED, INTERRUPTED -> r.restartable() ? null
                    : which + " 已经被继续过（见 status 中更新的执行），请对最新的那次执行操作。";
        };
    }

    private static int unknown(long id) {
        System.err.println("rectify: 没有编号为 " + id + " 的执行；运行 status 查看执行编号（第一列）。");
        return CommandLine.EXIT_USAGE;
    }
}
